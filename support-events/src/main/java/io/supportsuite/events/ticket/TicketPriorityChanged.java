package io.supportsuite.events.ticket;

import java.time.Instant;

/** {@code support.ticket.priority.changed.v1}: low, normal, high, urgent. */
public record TicketPriorityChanged(String ticketId, String from, String to, Instant changedAt) {
}
