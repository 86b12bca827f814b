package io.supportsuite.events.ticket;

import java.time.Instant;

/** {@code support.ticket.merged.v1}: {@code ticketId} was merged into {@code intoTicketId} and closed. */
public record TicketMerged(String ticketId, String intoTicketId, String actor, Instant mergedAt) {
}
