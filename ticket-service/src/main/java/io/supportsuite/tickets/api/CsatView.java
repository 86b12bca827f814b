package io.supportsuite.tickets.api;

import java.time.Instant;

import io.supportsuite.tickets.ticket.Ticket;

/** The customer's satisfaction answer on a ticket: 1–5 and their optional comment (N5). */
public record CsatView(int score, String comment, Instant recordedAt) {

    /** @return null while the customer has not answered */
    public static CsatView of(Ticket ticket) {
        return ticket.csatScore == null ? null : new CsatView(ticket.csatScore, ticket.csatComment, ticket.csatRecordedAt);
    }
}
