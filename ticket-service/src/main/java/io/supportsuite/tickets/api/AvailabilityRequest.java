package io.supportsuite.tickets.api;

/** {@code {"available": true}} to take tickets, false to be away. */
public record AvailabilityRequest(Boolean available) {
}
