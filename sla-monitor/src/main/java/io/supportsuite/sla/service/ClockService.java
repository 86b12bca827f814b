package io.supportsuite.sla.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.ticket.TicketCreated;
import io.supportsuite.events.ticket.TicketMessageAdded;
import io.supportsuite.events.ticket.TicketReplied;
import io.supportsuite.events.ticket.TicketStatusChanged;
import io.supportsuite.sla.clock.ClockSchedule;
import io.supportsuite.sla.clock.SlaClock;
import io.supportsuite.sla.policy.TicketFacts;

/**
 * What ticket events do to clocks, each inside the caller's transaction with its events on the outbox:
 * a new ticket starts the first-response clock (R1, R6), pending pauses and a customer's word resumes
 * (R5), the first agent reply meets it, solving or closing stops it.
 */
@ApplicationScoped
public class ClockService {

    static final String PENDING = "pending";
    static final List<String> FINAL_STATUSES = List.of("solved", "closed");

    private final SlaEvents events;
    private final Policies policies;
    private final Clock clock;

    public ClockService(SlaEvents events, Policies policies, Clock clock) {
        this.events = events;
        this.policies = policies;
        this.clock = clock;
    }

    /** R1/R6: the first-response clock of the matching policy, counted from the ticket's creation; once per ticket. */
    public Uni<Tally> ticketCreated(TicketCreated ticket, Instant eventTime) {
        return SlaClock.count("ticketId = ?1 and kind = ?2", ticket.ticketId(), SlaClock.FIRST_RESPONSE)
                .chain(existing -> {
                    if (existing > 0) {
                        Log.infof("Ticket %s already has a first-response clock", ticket.ticketId());
                        return none();
                    }
                    TicketFacts facts = new TicketFacts(ticket.channel(), ticket.priority(),
                            ticket.customer() == null ? null : ticket.customer().segment(), ticket.team());
                    Instant startedAt = exact(ticket.createdAt() != null ? ticket.createdAt() : eventTime);
                    return start(ticket.ticketId(), SlaClock.FIRST_RESPONSE, facts, startedAt);
                });
    }

    /** Starts a clock of {@code kind} under the matching policy; none when no policy sets a target for it. */
    Uni<Tally> start(String ticketId, String kind, TicketFacts facts, Instant startedAt) {
        return policies.choose(kind, facts).chain(policy -> {
            if (policy == null) {
                Log.infof("No policy sets a %s target for ticket %s", kind, ticketId);
                return none();
            }
            SlaClock started = new SlaClock();
            started.id = UUID.randomUUID();
            started.ticketId = ticketId;
            started.kind = kind;
            started.policy = policy.name();
            started.channel = facts.channel();
            started.priority = facts.priority();
            started.segment = facts.segment();
            started.team = facts.team();
            started.calendar = policy.calendarSpec();
            started.apply(ClockSchedule.start(startedAt, policy.budget(), policy.warningPercents(), policy.calendar()));
            return started.persist().chain(() -> events.started(started)).replaceWith(Tally.NONE);
        });
    }

    /** R5: pending pauses; solved or closed stops; any other status resumes a paused clock. */
    public Uni<Tally> statusChanged(TicketStatusChanged change, Instant eventTime) {
        String to = change.to() == null ? "" : change.to().toLowerCase(Locale.ROOT);
        Instant at = at(change.changedAt(), eventTime);
        if (PENDING.equals(to)) {
            return forEachLive(change.ticketId(), c -> pause(c, at));
        }
        if (FINAL_STATUSES.contains(to)) {
            return forEachLive(change.ticketId(), c -> stop(c, at, "ticket " + to));
        }
        return forEachLive(change.ticketId(), c -> resume(c, at));
    }

    /** R5: the customer wrote again, so a clock paused on them runs again. */
    public Uni<Tally> customerWrote(TicketMessageAdded message, Instant eventTime) {
        Instant at = at(message.receivedAt(), eventTime);
        return forEachLive(message.ticketId(), c -> resume(c, at));
    }

    /** R1: the first agent reply keeps the first-response promise, unless the deadline had passed. */
    public Uni<Tally> replied(TicketReplied reply, Instant eventTime) {
        Instant at = at(reply.repliedAt(), eventTime);
        return forEachLive(reply.ticketId(), c -> SlaClock.FIRST_RESPONSE.equals(c.kind) ? answered(c, at) : none());
    }

    private Uni<Tally> answered(SlaClock answered, Instant at) {
        ClockSchedule schedule = answered.schedule();
        if (schedule.breached()) {
            answered.stop(at, "replied after the breach");
            return none();
        }
        if (!schedule.paused() && !at.isBefore(answered.deadline)) {
            // The reply came too late but the firing loop has not got to this clock yet: the stages fire now,
            // each once, and the clock stops.
            return fireDueStages(answered, clock.instant()).invoke(() -> answered.stop(at, "replied after the deadline"));
        }
        return events.met(answered, at).invoke(() -> answered.stop(at, "met"))
                .replaceWith(Tally.met(answered.kind));
    }

    private Uni<Tally> fireDueStages(SlaClock late, Instant now) {
        if (late.schedule().breached()) {
            return none();
        }
        return events.fireNextStage(late, now).chain(fired -> fireDueStages(late, now)
                .map(rest -> Tally.of(fired).plus(rest)));
    }

    private Uni<Tally> pause(SlaClock running, Instant at) {
        ClockSchedule schedule = running.schedule();
        if (schedule.paused() || schedule.breached()) {
            return none(); // a broken promise stays broken: nothing left to pause
        }
        running.apply(schedule.pause(at, policies.calendarOf(running)));
        return events.paused(running, at).replaceWith(Tally.NONE);
    }

    private Uni<Tally> resume(SlaClock paused, Instant at) {
        ClockSchedule schedule = paused.schedule();
        if (!schedule.paused()) {
            return none();
        }
        paused.apply(schedule.resume(at, policies.calendarOf(paused)));
        return events.resumed(paused, at).replaceWith(Tally.NONE);
    }

    private Uni<Tally> stop(SlaClock live, Instant at, String reason) {
        live.stop(at, reason);
        Log.infof("Clock %s (%s) of ticket %s stopped: %s", live.id, live.kind, live.ticketId, reason);
        return none();
    }

    /** The ticket's running and paused clocks, locked against the firing loop until the transaction ends. */
    private Uni<Tally> forEachLive(String ticketId, Function<SlaClock, Uni<Tally>> action) {
        return SlaClock.<SlaClock>find("ticketId = ?1 and state <> ?2 order by startedAt", ticketId, SlaClock.STOPPED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(clocks -> Tally.inOrder(clocks, action));
    }

    /** When something happened: the event's own time, never later than now, to the millisecond. */
    private Instant at(Instant happened, Instant eventTime) {
        Instant now = clock.instant();
        Instant at = happened != null ? happened : eventTime != null ? eventTime : now;
        return exact(at.isAfter(now) ? now : at);
    }

    private static Instant exact(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS);
    }

    private static Uni<Tally> none() {
        return Uni.createFrom().item(Tally.NONE);
    }
}
