package io.supportsuite.tickets.api;

/** A team; {@code name} is unique. */
public record TeamView(String id, String name) {
}
