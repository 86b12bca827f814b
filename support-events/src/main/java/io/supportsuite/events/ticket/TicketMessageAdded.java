package io.supportsuite.events.ticket;

import java.time.Instant;

import io.supportsuite.events.common.ThreadRefs;

/** {@code support.ticket.message.added.v1}: a customer message threaded into an existing ticket (C3); {@code reopened} when it reopened a solved one. */
public record TicketMessageAdded(String ticketId, String messageId, String channel, ThreadRefs thread, String status, boolean reopened,
        Instant receivedAt) {
}
