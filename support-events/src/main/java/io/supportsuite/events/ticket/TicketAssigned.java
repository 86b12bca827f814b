package io.supportsuite.events.ticket;

import java.time.Instant;

/** {@code support.ticket.assigned.v1}: the ticket's team or assignee changed. */
public record TicketAssigned(String ticketId, String team, String assigneeId, String assigneeName, Instant assignedAt) {
}
