package io.supportsuite.tickets.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.supportsuite.runtime.schema.SchemaMigrator;
import io.supportsuite.tickets.config.TicketsConfig;
import io.supportsuite.tickets.ticket.Lifecycle;
import io.supportsuite.tickets.ticket.Ticket;
import io.supportsuite.tickets.ticket.TicketStatus;

/**
 * Closes solved tickets once {@code tickets.auto-close.after} (and the C3 reopen window) has passed since they were
 * solved. Nothing is
 * kept in memory: each run asks the database which tickets are due, so a restart loses nothing and a
 * ticket that fell due while the service was down closes at the next run; several instances may run it at
 * once, since each claims its batch with {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class AutoClose {

    static final String REASON = "auto_closed";
    private static final String CLAIM = "SELECT id FROM ticket WHERE status = 'solved' AND solved_at <= :cutoff "
            + "ORDER BY solved_at LIMIT :limit FOR UPDATE SKIP LOCKED";

    private final TicketEvents events;
    private final TicketMetrics metrics;
    private final SchemaMigrator migrator;
    private final TicketsConfig config;
    private final Clock clock;

    public AutoClose(TicketEvents events, TicketMetrics metrics, SchemaMigrator migrator, TicketsConfig config, Clock clock) {
        this.events = events;
        this.metrics = metrics;
        this.migrator = migrator;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "auto-close", every = "${tickets.auto-close.check-every:PT1M}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        if (!migrator.isMigrated()) {
            return Uni.createFrom().voidItem();
        }
        return closeDue().onFailure().invoke(e -> Log.warnf("Auto-close round failed, next one retries: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * How long after solving a ticket closes: the configured time, but never before the reopen window has passed,
     * since a customer's reply within it must reopen the ticket (C3) and a closed ticket is final.
     */
    public static Duration closeAfter(Duration configured, Duration reopenWindow) {
        return configured.compareTo(reopenWindow) >= 0 ? configured : reopenWindow;
    }

    /** Closes every due ticket, batch after batch; returns how many it closed. */
    public Uni<Integer> closeDue() {
        return Panache.withTransaction(this::batch)
                .invoke(closed -> closed.forEach(ticket -> {
                    metrics.statusChanged(TicketStatus.SOLVED.wire(), TicketStatus.CLOSED.wire());
                    Log.infof("Ticket #%d %s closed automatically", ticket.number, ticket.id);
                }))
                .chain(closed -> closed.size() < config.autoClose().batchSize()
                        ? Uni.createFrom().item(closed.size())
                        : closeDue().map(more -> closed.size() + more));
    }

    private Uni<List<Ticket>> batch() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM, UUID.class)
                        .setParameter("cutoff", now.minus(closeAfter(config.autoClose().after(), config.reopenWindow())))
                        .setParameter("limit", config.autoClose().batchSize())
                        .getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Ticket>of())
                        : Ticket.<Ticket>list("id in ?1 order by solvedAt", ids)) // locked above
                .call(tickets -> close(tickets, now));
    }

    private Uni<Void> close(List<Ticket> tickets, Instant now) {
        Uni<Void> work = Uni.createFrom().voidItem();
        for (Ticket ticket : tickets) {
            // The claim read only solved tickets under lock; the table says it once more.
            if (Lifecycle.allows(ticket.status(), TicketStatus.CLOSED, Lifecycle.Trigger.AUTO_CLOSE)) {
                work = work.chain(() -> {
                    ticket.moveTo(TicketStatus.CLOSED, now);
                    return events.statusChanged(ticket, TicketStatus.SOLVED, TicketStatus.CLOSED, null, REASON, now);
                });
            }
        }
        return work;
    }
}
