package io.supportsuite.events.ticket;

import java.time.Instant;

/** {@code support.ticket.status.changed.v1}: new, open, pending (pauses clocks, R5), on_hold, solved, closed. */
public record TicketStatusChanged(String ticketId, String from, String to, String actor, String reason, Instant changedAt) {
}
