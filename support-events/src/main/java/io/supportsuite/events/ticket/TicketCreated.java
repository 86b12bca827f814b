package io.supportsuite.events.ticket;

import java.time.Instant;

import io.supportsuite.events.common.CustomerRef;
import io.supportsuite.events.common.ThreadRefs;

/** {@code support.ticket.created.v1}: a new ticket with its first message; starts the first-response clock (R1). */
public record TicketCreated(String ticketId, long number, String subject, String channel, String status, String priority, String team,
        String assigneeId, CustomerRef customer, String messageId, ThreadRefs thread, Instant createdAt) {
}
