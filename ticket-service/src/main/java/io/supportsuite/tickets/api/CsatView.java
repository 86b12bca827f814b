package io.supportsuite.tickets.api;

import java.time.Instant;

import io.supportsuite.tickets.ticket.Ticket;

/** The customer's survey answer on a ticket (N5): CSAT 1–5 or NPS 0–10, and their optional comment. */
public record CsatView(int score, String comment, Instant recordedAt) {

    /** @return the CSAT answer; null while the customer has not answered */
    public static CsatView of(Ticket ticket) {
        return ticket.csatScore == null ? null : new CsatView(ticket.csatScore, ticket.csatComment, ticket.csatRecordedAt);
    }

    /** @return the NPS answer; null while the customer has not answered */
    public static CsatView npsOf(Ticket ticket) {
        return ticket.npsScore == null ? null : new CsatView(ticket.npsScore, ticket.npsComment, ticket.npsRecordedAt);
    }
}
