package io.supportsuite.tickets.api;

/** A public agent reply. The agent is named in the body until agents log in. */
public record ReplyRequest(String body, String agentId, String agentName) {
}
