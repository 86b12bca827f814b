package io.supportsuite.tickets.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.ticket.TicketAutoSolveDue;
import io.supportsuite.runtime.inbox.Inbox;
import io.supportsuite.runtime.inbox.IncomingEvent;
import io.supportsuite.tickets.ticket.Ticket;
import io.supportsuite.tickets.ticket.TicketStatus;

/**
 * N3: notification-service reminded the customer of a pending ticket once and heard nothing back, so the
 * ticket is solved — if it is still pending (a customer answer or an agent's move since then wins). Runs in
 * the inbox's transaction, so the change and its {@code ticket.status.changed} commit once.
 */
@ApplicationScoped
public class AutoSolve {

    static final String REASON = "auto_solved";

    private final Inbox inbox;
    private final TicketEvents events;
    private final TicketMetrics metrics;
    private final Clock clock;

    public AutoSolve(Inbox inbox, TicketEvents events, TicketMetrics metrics, Clock clock) {
        this.inbox = inbox;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Uni<Void> apply(IncomingEvent event) {
        TicketAutoSolveDue due = inbox.read(event, TicketAutoSolveDue.class);
        UUID ticketId;
        try {
            ticketId = UUID.fromString(due.ticketId());
        } catch (RuntimeException e) {
            throw new Inbox.UnreadableEventException(event, e);
        }
        return Ticket.<Ticket>findById(ticketId, LockModeType.PESSIMISTIC_WRITE).chain(ticket -> {
            if (ticket == null || ticket.status() != TicketStatus.PENDING) {
                Log.infof("Auto-solve of ticket %s skipped: %s", ticketId, ticket == null ? "unknown" : ticket.status);
                return Uni.createFrom().voidItem();
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            ticket.moveTo(TicketStatus.SOLVED, now);
            return events.statusChanged(ticket, TicketStatus.PENDING, TicketStatus.SOLVED, null, REASON, now)
                    .invoke(() -> {
                        metrics.statusChanged(TicketStatus.PENDING.wire(), TicketStatus.SOLVED.wire());
                        Log.infof("Ticket #%d %s solved: no answer to its reminder (N3)", ticket.number, ticket.id);
                    });
        });
    }
}
