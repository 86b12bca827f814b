package io.supportsuite.tickets.api;

/** {@code {"assigneeId": agent id or null, "teamId": team id or null}}: null unassigns. */
public record AssignRequest(String assigneeId, String teamId) {
}
