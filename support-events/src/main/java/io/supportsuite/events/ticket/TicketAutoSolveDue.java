package io.supportsuite.events.ticket;

import java.time.Instant;

/**
 * {@code support.ticket.autosolve.due.v1}, published by notification-service on {@code support.tickets.v1}:
 * the pending ticket got its one reminder at {@code reminderSentAt} and no answer until {@code dueAt};
 * ticket-service solves it if it is still pending (N3). A redelivery names the same ticket and times.
 */
public record TicketAutoSolveDue(String ticketId, Instant reminderSentAt, Instant dueAt) {
}
