package io.supportsuite.tickets.callback;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.common.Identity;
import io.supportsuite.events.ticket.CallbackCompleted;
import io.supportsuite.events.ticket.CallbackScheduled;
import io.supportsuite.runtime.outbox.Outbox;
import io.supportsuite.runtime.problem.ProblemException;
import io.supportsuite.tickets.agent.Agent;
import io.supportsuite.tickets.agent.CurrentAgent;
import io.supportsuite.tickets.api.CallbackRequest;
import io.supportsuite.tickets.api.CallbackView;
import io.supportsuite.tickets.service.Problems;
import io.supportsuite.tickets.ticket.Ticket;
import io.supportsuite.tickets.timeline.ActivityKind;
import io.supportsuite.tickets.timeline.Timeline;
import io.supportsuite.tickets.timeline.Timeline.Actor;
import io.supportsuite.tickets.visibility.Visibility;

/**
 * Callbacks (R3): scheduled with one responsible agent and a due time, rescheduled, completed. Every change is
 * announced on {@code support.tickets.v1} ({@code callback.scheduled}, again on a reschedule or a new owner;
 * {@code callback.completed}) through the outbox, with a line in the ticket's timeline.
 */
@ApplicationScoped
public class Callbacks {

    private final Outbox outbox;
    private final Timeline timeline;
    private final CurrentAgent current;
    private final Visibility visibility;
    private final Clock clock;

    public Callbacks(Outbox outbox, Timeline timeline, CurrentAgent current, Visibility visibility, Clock clock) {
        this.outbox = outbox;
        this.timeline = timeline;
        this.current = current;
        this.visibility = visibility;
        this.clock = clock;
    }

    /** A new scheduled callback on the ticket; in the caller's transaction. */
    public Uni<Callback> schedule(UUID ticketId, String source, String sourceEvent, String contactId, Identity who, UUID owner,
            Instant due, Instant now) {
        Callback c = new Callback();
        c.id = UUID.randomUUID();
        c.ticketId = ticketId;
        c.source = source;
        c.sourceEvent = sourceEvent;
        c.contactId = contactId;
        c.ownerId = owner;
        if (who != null) {
            c.identityKind = who.kind();
            c.identityValue = who.value();
            c.identityName = who.displayName();
        }
        c.status = Callback.SCHEDULED;
        c.dueAt = due;
        c.createdAt = now;
        c.updatedAt = now;
        return c.persist().chain(() -> announce(c, Actor.SYSTEM, now)).replaceWith(c)
                .invoke(() -> Log.infof("Callback %s (%s) on ticket %s due %s, owner %s", c.id, source, ticketId, due, owner));
    }

    /** The customer picked another time for a callback they have: moved there, announced again. In the caller's transaction. */
    public Uni<Void> move(Callback c, Instant due, Instant now) {
        c.dueAt = due;
        c.updatedAt = now;
        return announce(c, Actor.SYSTEM, now);
    }

    /** The ticket got an agent: its callbacks without an owner become theirs, announced again with the owner. */
    public Uni<Void> adopt(UUID ticketId, UUID agentId, Instant now) {
        return Callback.<Callback>list("ticketId = ?1 and status = ?2 and ownerId is null", ticketId, Callback.SCHEDULED)
                .chain(ownerless -> {
                    Uni<Void> work = Uni.createFrom().voidItem();
                    for (Callback c : ownerless) {
                        work = work.chain(() -> {
                            c.ownerId = agentId;
                            c.updatedAt = now;
                            return announce(c, Actor.SYSTEM, now);
                        });
                    }
                    return work;
                });
    }

    public Uni<List<CallbackView>> ofTicket(UUID ticketId) {
        return Panache.withSession(() -> current.agent().chain(me -> Ticket.<Ticket>findById(ticketId)
                .chain(ticket -> visibility.require(me, ticket, ticketId))
                .chain(ticket -> Callback.<Callback>list("ticketId = ?1 order by createdAt", ticketId))
                .map(list -> list.stream().map(Callbacks::view).toList())));
    }

    /** An agent's scheduled callbacks (all, with {@code all}), soonest due first; {@code agentId} null for the caller's own. */
    public Uni<List<CallbackView>> ofAgent(UUID agentId, boolean all) {
        return Panache.withSession(() -> current.agent().chain(me -> {
            UUID owner = agentId == null ? me.id : agentId;
            if (!owner.equals(me.id) && Agent.AGENT.equals(me.role)) {
                throw new io.quarkus.security.ForbiddenException("An agent sees their own callbacks");
            }
            return all ? Callback.<Callback>list("ownerId = ?1 order by dueAt", owner)
                    : Callback.<Callback>list("ownerId = ?1 and status = ?2 order by dueAt", owner, Callback.SCHEDULED);
        })).map(list -> list.stream().map(Callbacks::view).toList());
    }

    /** R3: the owner called; 409 when it was completed before. */
    public Uni<CallbackView> complete(UUID id, CallbackRequest request) {
        String outcome = request == null || Problems.blank(request.outcome()) ? null : request.outcome().strip();
        return change(id, (c, by, now) -> {
            c.status = Callback.COMPLETED;
            c.outcome = outcome;
            c.completedAt = now;
            String owner = c.ownerId == null ? by.id() : c.ownerId.toString();
            String ticket = c.ticketId.toString();
            return outbox.append(Topics.TICKETS, ticket, EventTypes.CALLBACK_COMPLETED, ticket,
                    new CallbackCompleted(c.id.toString(), ticket, owner, outcome, now))
                    .chain(() -> timeline.record(c.ticketId, ActivityKind.CALLBACK_COMPLETED, by, outcome,
                            Timeline.details("callbackId", c.id.toString(), "ownerId", owner), now));
        });
    }

    /** A new due time (in the future) and optionally a new owner; announced as callback.scheduled again. */
    public Uni<CallbackView> reschedule(UUID id, CallbackRequest request) {
        Instant due = instant(request == null ? null : request.dueAt());
        UUID owner = Problems.optionalId(request == null ? null : request.ownerId(), "ownerId");
        Problems.validate().check(due != null, "dueAt", "must be an ISO-8601 instant")
                .check(due == null || due.isAfter(clock.instant()), "dueAt", "must be in the future").orFail();
        return change(id, (c, by, now) -> (owner == null ? Uni.createFrom().<Agent>nullItem()
                : Agent.<Agent>findById(owner).onItem().ifNull().failWith(() -> ProblemException.invalidField("ownerId", "no such agent")))
                .chain(agent -> {
                    c.dueAt = due.truncatedTo(ChronoUnit.MICROS);
                    if (agent != null) {
                        c.ownerId = agent.id;
                    }
                    return announce(c, by, now);
                }));
    }

    private interface Change {
        Uni<Void> apply(Callback callback, Actor by, Instant now);
    }

    /** Runs {@code work} on the locked, still scheduled callback of a ticket the agent may see. */
    private Uni<CallbackView> change(UUID id, Change work) {
        return Panache.withTransaction(() -> current.agent().chain(me -> Callback.<Callback>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Callback", id))
                .chain(c -> Ticket.<Ticket>findById(c.ticketId).chain(ticket -> visibility.require(me, ticket, c.ticketId)).chain(ticket -> {
                    if (!Callback.SCHEDULED.equals(c.status)) {
                        throw ProblemException.conflict("callback-completed", "Callback " + id + " was completed");
                    }
                    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    c.updatedAt = now;
                    return work.apply(c, CurrentAgent.actor(me), now).map(done -> view(c));
                }))));
    }

    private Uni<Void> announce(Callback c, Actor by, Instant now) {
        String ticket = c.ticketId.toString();
        String owner = c.ownerId == null ? null : c.ownerId.toString();
        return outbox.append(Topics.TICKETS, ticket, EventTypes.CALLBACK_SCHEDULED, ticket, new CallbackScheduled(c.id.toString(), ticket,
                c.contactId, owner, c.identity(), c.dueAt, now))
                .chain(() -> timeline.record(c.ticketId, ActivityKind.CALLBACK_SCHEDULED, by, null, Timeline.details("callbackId",
                        c.id.toString(), "source", c.source, "contactId", c.contactId, "ownerId", owner, "dueAt", c.dueAt.toString()), now));
    }

    static CallbackView view(Callback c) {
        return new CallbackView(c.id.toString(), c.ticketId.toString(), c.contactId, c.source, c.ownerId == null ? null : c.ownerId.toString(),
                c.status, c.dueAt, c.outcome, c.identityKind == null ? null
                        : new CallbackView.CustomerContact(c.identityKind, c.identityValue, c.identityName),
                c.createdAt, c.updatedAt, c.completedAt);
    }

    private static Instant instant(String value) {
        try {
            return Problems.blank(value) ? null : Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
