package io.supportsuite.events.ticket;

import java.time.Instant;

/** {@code support.ticket.escalated.v1}: an agent handed a difficult case to a supervisor (C6). */
public record TicketEscalated(String ticketId, String by, String to, String reason, Instant escalatedAt) {
}
