package io.supportsuite.tickets.api;

/** Changes to a customer: name (null keeps it), segment ({@code standard}, {@code vip}; null keeps it) and personal agent (null clears it). */
public record CustomerRequest(String name, String segment, String personalAgentId) {
}
