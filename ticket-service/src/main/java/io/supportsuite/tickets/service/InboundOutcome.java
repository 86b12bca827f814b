package io.supportsuite.tickets.service;

import java.util.UUID;

/** What a customer message did: opened a ticket, landed on one (C3), or was a provider retry (C4). */
public record InboundOutcome(Kind kind, UUID ticketId, String channel, boolean reopened) {

    public enum Kind {
        CREATED, THREADED, DUPLICATE
    }

    public static InboundOutcome duplicate(String channel) {
        return new InboundOutcome(Kind.DUPLICATE, null, channel, false);
    }
}
