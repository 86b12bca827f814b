package io.supportsuite.tickets.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.runtime.problem.ProblemException;
import io.supportsuite.tickets.api.StatusChangeRequest;
import io.supportsuite.tickets.api.TicketSummary;
import io.supportsuite.tickets.ticket.Lifecycle;
import io.supportsuite.tickets.ticket.Ticket;
import io.supportsuite.tickets.ticket.TicketStatus;
import io.supportsuite.tickets.agent.CurrentAgent;
import io.supportsuite.tickets.visibility.Visibility;

/** An agent moves a ticket along its lifecycle; only the allowed transitions, each announced (pending pauses the clocks, R5). */
@ApplicationScoped
public class StatusChanges {

    private final TicketEvents events;
    private final TicketQueries queries;
    private final TicketMetrics metrics;
    private final CurrentAgent current;
    private final Visibility visibility;
    private final Clock clock;

    public StatusChanges(TicketEvents events, TicketQueries queries, TicketMetrics metrics, CurrentAgent current, Visibility visibility,
            Clock clock) {
        this.current = current;
        this.visibility = visibility;
        this.events = events;
        this.queries = queries;
        this.metrics = metrics;
        this.clock = clock;
    }

    private record Change(TicketStatus from, TicketStatus to, TicketSummary ticket) {
    }

    public Uni<TicketSummary> change(UUID ticketId, StatusChangeRequest request, String actor) {
        TicketStatus to = parse(request);
        String by = Problems.blank(actor) ? null : actor.trim();
        return Panache.withTransaction(() -> current.agent().chain(me -> Ticket.<Ticket>findById(ticketId, LockModeType.PESSIMISTIC_WRITE)
                .chain(found -> visibility.require(me, found, ticketId)))
                .chain(ticket -> {
                    TicketStatus from = ticket.status();
                    Lifecycle.refusal(from, to).ifPresent(why -> {
                        throw new ProblemException(409, "invalid-transition", "Invalid transition", "Ticket " + ticket.number + " " + why);
                    });
                    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    ticket.moveTo(to, now);
                    return events.statusChanged(ticket, from, to, by, "agent", now)
                            .chain(() -> queries.summary(ticket))
                            .map(summary -> new Change(from, to, summary));
                }))
                .invoke(change -> {
                    metrics.statusChanged(change.from().wire(), change.to().wire());
                    Log.infof("Ticket %s moved from %s to %s by %s", ticketId, change.from().wire(), change.to().wire(),
                            by == null ? "an unnamed agent" : by);
                })
                .map(Change::ticket);
    }

    private static TicketStatus parse(StatusChangeRequest request) {
        String status = request == null ? null : request.status();
        Problems.validate().check(!Problems.blank(status), "status", "must not be blank").orFail();
        return TicketStatus.parse(status).orElseThrow(() -> ProblemException.invalidField("status",
                "unknown status '" + status + "'; one of " + TicketStatus.names()));
    }
}
