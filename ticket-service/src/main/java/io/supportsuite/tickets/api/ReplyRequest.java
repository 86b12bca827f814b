package io.supportsuite.tickets.api;

/**
 * A public agent reply. {@code body} and the canned response's text ({@code cannedResponseId}, C5) may hold
 * placeholders, filled before sending (N7); with both, the canned text comes first. {@code agentId} and
 * {@code agentName} default to the logged-in agent.
 */
public record ReplyRequest(String body, String agentId, String agentName, String cannedResponseId) {
}
