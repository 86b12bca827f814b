package io.supportsuite.tickets.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.runtime.problem.ProblemException;
import io.supportsuite.tickets.agent.CurrentAgent;
import io.supportsuite.tickets.api.TicketSummary;
import io.supportsuite.tickets.ticket.Lifecycle;
import io.supportsuite.tickets.ticket.Ticket;
import io.supportsuite.tickets.ticket.TicketStatus;
import io.supportsuite.tickets.timeline.Timeline.Actor;
import io.supportsuite.tickets.visibility.Visibility;

/**
 * Merges one ticket into another: the merged ticket's messages (and tags) move to the other, so the transcripts
 * are combined in the order they were stored and a customer's answer to any of them threads there (C3); the
 * merged ticket is closed with a pointer ({@code mergedInto}). One transaction, both tickets locked.
 */
@ApplicationScoped
public class Merges {

    static final String REASON = "merged";

    private final TicketEvents events;
    private final TicketQueries queries;
    private final CurrentAgent current;
    private final Visibility visibility;
    private final Clock clock;

    public Merges(TicketEvents events, TicketQueries queries, CurrentAgent current, Visibility visibility, Clock clock) {
        this.visibility = visibility;
        this.events = events;
        this.queries = queries;
        this.current = current;
        this.clock = clock;
    }

    /** Answers the ticket that holds both transcripts now. */
    public Uni<TicketSummary> merge(UUID mergedId, String intoId) {
        UUID intoTicket = Problems.optionalId(intoId, "into");
        Problems.validate()
                .check(intoTicket != null, "into", "must name the ticket to merge into")
                .check(!mergedId.equals(intoTicket), "into", "a ticket cannot be merged into itself")
                .orFail();
        return Panache.withTransaction(() -> current.agent().chain(agent -> Ticket
                // In id order, so two merges of the same pair cannot deadlock.
                .<Ticket>find("id in ?1 order by id", List.of(mergedId, intoTicket)).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(both -> {
                    Ticket merged = both.stream().filter(t -> t.id.equals(mergedId)).findFirst()
                            .orElseThrow(() -> Problems.ticketNotFound(mergedId));
                    Ticket into = both.stream().filter(t -> t.id.equals(intoTicket)).findFirst()
                            .orElseThrow(() -> ProblemException.invalidField("into", "no such ticket"));
                    return visibility.require(agent, merged, mergedId).chain(() -> visibility.require(agent, into, intoTicket)).chain(() -> {
                        for (Ticket t : both) {
                            if (!Lifecycle.allows(t.status(), TicketStatus.CLOSED, Lifecycle.Trigger.MERGE)) {
                                throw ProblemException.conflict("ticket-closed", "Ticket " + t.number + " is closed and cannot be merged");
                            }
                        }
                        return combine(merged, into, CurrentAgent.actor(agent)).chain(() -> queries.summary(into));
                    });
                })))
                .invoke(into -> Log.infof("Ticket %s merged into #%d %s", mergedId, into.number(), into.id()));
    }

    private Uni<Void> combine(Ticket merged, Ticket into, Actor by) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        TicketStatus from = merged.status();
        merged.mergedInto = into.id;
        merged.moveTo(TicketStatus.CLOSED, now);
        into.updatedAt = now;
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("UPDATE ticket_message SET ticket_id = :into WHERE ticket_id = :merged")
                        .setParameter("into", into.id).setParameter("merged", merged.id).executeUpdate()
                        .chain(() -> s.createNativeQuery("INSERT INTO ticket_tag (ticket_id, tag) SELECT :into, tag FROM ticket_tag "
                                + "WHERE ticket_id = :merged ON CONFLICT DO NOTHING")
                                .setParameter("into", into.id).setParameter("merged", merged.id).executeUpdate()))
                .chain(() -> events.statusChanged(merged, from, TicketStatus.CLOSED, by.id(), REASON, now))
                .chain(() -> events.merged(merged, into, by, now));
    }
}
