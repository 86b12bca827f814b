package io.supportsuite.tickets.api;

/** {@code {"priority": "low" | "normal" | "high" | "urgent"}}. */
public record PriorityRequest(String priority) {
}
