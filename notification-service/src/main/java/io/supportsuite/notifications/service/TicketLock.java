package io.supportsuite.notifications.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Serialises the transactions that touch one ticket's acknowledgement. The ticket and its clock come from two
 * topics, consumed concurrently: without the lock each transaction could miss the other's uncommitted row and
 * neither would send the ack. A transaction-scoped advisory lock, released at commit or rollback.
 */
@ApplicationScoped
public class TicketLock {

    // The two-key advisory lock space (does not overlap the one-key space the outbox relay uses).
    private static final int TICKET_LOCKS = 8_301;

    /** Blocks, inside the current transaction, until no other transaction holds this ticket's lock. */
    public Uni<Void> lock(String ticketId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(:space, hashtext(:ticket))) locked",
                        Long.class)
                .setParameter("space", TICKET_LOCKS)
                .setParameter("ticket", ticketId)
                .getSingleResult())
                .replaceWithVoid();
    }
}
