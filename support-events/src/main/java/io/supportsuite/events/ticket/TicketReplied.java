package io.supportsuite.events.ticket;

import java.time.Instant;

/** {@code support.ticket.replied.v1}: a public agent reply; the first one is the first response (R1). */
public record TicketReplied(String ticketId, String messageId, String agentId, String agentName, String team, String channel,
        boolean firstResponse, Instant repliedAt) {
}
