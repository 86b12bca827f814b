package io.supportsuite.events.ticket;

import java.time.Instant;

/** {@code support.ticket.csat.recorded.v1}: a satisfaction answer (1–5) against the ticket and agent (N5). */
public record TicketCsatRecorded(String ticketId, String agentId, int score, String comment, Instant recordedAt) {
}
