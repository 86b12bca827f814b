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
 * a new ticket starts the first-response clock (R1, R6) and, when its policy sets one, the resolution
 * clock; pending pauses and a customer's word resumes (R5); a customer writing again after an agent's
 * reply starts a next-response clock; an agent reply meets the response clocks; solving meets the
 * resolution clock and stops the others.
 */
@ApplicationScoped
public class ClockService {

    static final String PENDING = "pending";
    static final List<String> FINAL_STATUSES = List.of("solved", "closed");
    /** R5: the clocks that wait while the ticket waits on the customer. */
    static final List<String> PAUSABLE = List.of(SlaClock.FIRST_RESPONSE, SlaClock.NEXT_RESPONSE, SlaClock.RESOLUTION);
    static final List<String> RESPONSES = List.of(SlaClock.FIRST_RESPONSE, SlaClock.NEXT_RESPONSE);

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
                    return start(ticket.ticketId(), SlaClock.FIRST_RESPONSE, facts, startedAt)
                            .chain(() -> start(ticket.ticketId(), SlaClock.RESOLUTION, facts, startedAt));
                });
    }

    /** Starts a clock of {@code kind} under the matching policy; none when no policy sets a target for it. */
    Uni<Tally> start(String ticketId, String kind, TicketFacts facts, Instant startedAt) {
        return policies.choose(kind, facts).chain(policy -> {
            if (policy == null) {
                Log.debugf("No policy sets a %s target for ticket %s", kind, ticketId);
                return none();
            }
            return open(ticketId, kind, null, facts, startedAt, policy).replaceWith(Tally.NONE);
        });
    }

    /** A new running clock under {@code policy}, persisted, with its {@code sla.clock.started}. */
    Uni<SlaClock> open(String ticketId, String kind, String subjectId, TicketFacts facts, Instant startedAt,
            Policies.Choice policy) {
        SlaClock started = new SlaClock();
        started.id = UUID.randomUUID();
        started.ticketId = ticketId;
        started.subjectId = subjectId;
        started.kind = kind;
        started.policy = policy.name();
        started.channel = facts.channel();
        started.priority = facts.priority();
        started.segment = facts.segment();
        started.team = facts.team();
        started.calendar = policy.calendarSpec();
        started.apply(ClockSchedule.start(startedAt, policy.budget(), policy.warningPercents(), policy.calendar()));
        return started.persist().chain(() -> events.started(started)).replaceWith(started);
    }

    /** R5: pending pauses; solved or closed meets the resolution clock and stops the others; else resumes. */
    public Uni<Tally> statusChanged(TicketStatusChanged change, Instant eventTime) {
        String to = change.to() == null ? "" : change.to().toLowerCase(Locale.ROOT);
        Instant at = at(change.changedAt(), eventTime);
        if (PENDING.equals(to)) {
            return forEachLive(change.ticketId(), PAUSABLE, c -> pause(c, at));
        }
        if (FINAL_STATUSES.contains(to)) {
            return forEachLive(change.ticketId(), PAUSABLE, c -> SlaClock.RESOLUTION.equals(c.kind)
                    ? kept(c, at, "solved") : stop(c, at, "ticket " + to));
        }
        return forEachLive(change.ticketId(), PAUSABLE, c -> resume(c, at));
    }

    /**
     * R5: the customer wrote again, so a clock paused on them runs again; and when no response clock is
     * running because an agent already answered, the customer now waits for the next response.
     */
    public Uni<Tally> customerWrote(TicketMessageAdded message, Instant eventTime) {
        Instant at = at(message.receivedAt(), eventTime);
        return forEachLive(message.ticketId(), PAUSABLE, c -> resume(c, at))
                .chain(resumed -> SlaClock.<SlaClock>list("ticketId = ?1 and kind in ?2 order by startedAt desc",
                        message.ticketId(), RESPONSES).chain(responses -> {
                            boolean waiting = responses.stream().anyMatch(c -> !SlaClock.STOPPED.equals(c.state));
                            if (responses.isEmpty() || waiting) {
                                return Uni.createFrom().item(resumed);
                            }
                            SlaClock last = responses.get(0);
                            TicketFacts facts = new TicketFacts(last.channel, last.priority, last.segment, last.team);
                            return start(message.ticketId(), SlaClock.NEXT_RESPONSE, facts, at).map(resumed::plus);
                        }));
    }

    /** R1: an agent reply keeps the running response promise, unless its deadline had passed. */
    public Uni<Tally> replied(TicketReplied reply, Instant eventTime) {
        Instant at = at(reply.repliedAt(), eventTime);
        return forEachLive(reply.ticketId(), RESPONSES,
                c -> kept(c.actedOnBy(reply.agentId(), reply.agentName()), at, "replied"));
    }

    /**
     * The promise of {@code kept} was acted on at {@code at} ({@code how}: replied, answered, solved ...):
     * met before the deadline; after a breach it only stops; done after the deadline whose breach has not
     * fired yet, the breach fires first.
     */
    Uni<Tally> kept(SlaClock kept, Instant at, String how) {
        ClockSchedule schedule = kept.schedule();
        if (schedule.breached()) {
            kept.stop(at, how + " after the breach");
            return none();
        }
        if (!schedule.paused() && !at.isBefore(kept.deadline)) {
            return fireDueStages(kept).invoke(() -> kept.stop(at, how + " after the deadline"));
        }
        return events.met(kept, at).invoke(() -> kept.stop(at, "met")).replaceWith(Tally.met(kept.kind));
    }

    /** Fires every stage not fired yet, each once, now (a deadline passed before the loop got to the clock). */
    Uni<Tally> fireDueStages(SlaClock late) {
        return fireDueStages(late, clock.instant());
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
        running.pauseReason = SlaEvents.PAUSE_REASON;
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

    Uni<Tally> stop(SlaClock live, Instant at, String reason) {
        live.stop(at, reason);
        Log.infof("Clock %s (%s) of ticket %s stopped: %s", live.id, live.kind, live.ticketId, reason);
        return none();
    }

    /** The ticket's running and paused clocks of these kinds, locked against the firing loop until the transaction ends. */
    private Uni<Tally> forEachLive(String ticketId, List<String> kinds, Function<SlaClock, Uni<Tally>> action) {
        return SlaClock.<SlaClock>find("ticketId = ?1 and state <> ?2 and kind in ?3 order by startedAt", ticketId,
                SlaClock.STOPPED, kinds).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(clocks -> Tally.inOrder(clocks, action));
    }

    /** When something happened: the event's own time, never later than now, to the millisecond. */
    Instant at(Instant happened, Instant eventTime) {
        Instant now = clock.instant();
        Instant at = happened != null ? happened : eventTime != null ? eventTime : now;
        return exact(at.isAfter(now) ? now : at);
    }

    static Instant exact(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS);
    }

    static Uni<Tally> none() {
        return Uni.createFrom().item(Tally.NONE);
    }
}
