package io.supportsuite.tickets.api;

/** C6: {@code {"to": a supervisor's agent id, "reason": "..."}}. */
public record EscalateRequest(String to, String reason) {
}
