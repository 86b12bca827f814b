package io.supportsuite.events.ticket;

import java.time.Instant;

/**
 * {@code support.ticket.nps.recorded.v1}, published by notification-service on {@code support.tickets.v1}: the
 * customer's answer (0–10) to the periodic NPS survey sent after this ticket, against the ticket and agent (N5).
 */
public record TicketNpsRecorded(String ticketId, String customerId, String agentId, int score, String comment,
        Instant recordedAt) {
}
