package io.supportsuite.tickets.api;

import java.time.Instant;

/**
 * One change to a ticket, as the live stream sends it: the ticket, what changed ({@code change}: the event type
 * without prefix and version, e.g. {@code ticket.replied}, {@code sla.warning}), the id of the event that told us,
 * when it happened, the ticket's summary after the change and, on a stream of a view, whether the ticket is in that
 * view now ({@code inView}; null on a stream of named tickets).
 */
public record TicketChange(String ticketId, String change, String eventId, Instant at, TicketSummary ticket, Boolean inView) {

    public TicketChange inView(Boolean in) {
        return new TicketChange(ticketId, change, eventId, at, ticket, in);
    }
}
