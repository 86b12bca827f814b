package io.supportsuite.tickets.api;

/**
 * A canned response (C5). {@code body} may hold {@code {{customer.name}}}, {@code {{ticket.number}}},
 * {@code {{agent.name}}} and {@code {{agent.team}}}, filled when it is used in a reply (N7).
 */
public record CannedResponseView(String id, String title, String body, String teamId) {
}
