package io.supportsuite.tickets.api;

/** {@code {"status": "pending"}}. */
public record StatusChangeRequest(String status) {
}
