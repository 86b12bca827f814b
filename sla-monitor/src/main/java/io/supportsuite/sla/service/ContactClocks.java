package io.supportsuite.sla.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.contact.ContactAbandoned;
import io.supportsuite.events.contact.ContactAnswered;
import io.supportsuite.events.contact.ContactOffered;
import io.supportsuite.events.ticket.CallbackCompleted;
import io.supportsuite.events.ticket.CallbackScheduled;
import io.supportsuite.sla.calendar.CalendarTime;
import io.supportsuite.sla.clock.ClockSchedule;
import io.supportsuite.sla.clock.SlaClock;
import io.supportsuite.sla.config.SlaConfig;
import io.supportsuite.sla.policy.CalendarDefinition;
import io.supportsuite.sla.policy.TicketFacts;

/**
 * Live contacts and callbacks: a ringing call or chat must be picked up before its third ring ends (R2),
 * a scheduled callback made by its due time (R3). A contact has no ticket yet, so a pickup clock carries
 * the contact id as its ticket id. An answer or abandonment that arrives before its offer was processed
 * is kept and settles the clock, by the events' own times, as soon as the offer arrives.
 */
@ApplicationScoped
public class ContactClocks {

    static final String ANSWERED = "answered";
    static final String ABANDONED = "abandoned";
    static final String CALLBACK_POLICY = "callback";

    private final ClockService clocks;
    private final SlaConfig config;

    public ContactClocks(ClockService clocks, SlaConfig config) {
        this.clocks = clocks;
        this.config = config;
    }

    /** R2: three rings of the channel's ring length from the first ring; once per contact. */
    public Uni<Tally> offered(ContactOffered offer, Instant eventTime) {
        Instant at = ClockService.exact(offer.offeredAt() != null ? offer.offeredAt() : eventTime);
        return find(SlaClock.PICKUP, offer.contactId()).chain(existing -> {
            if (existing != null) {
                return ClockService.none();
            }
            Duration ring = config.pickup().channelRingLength().getOrDefault(String.valueOf(offer.channel()),
                    config.pickup().ringLength());
            Policies.Choice rings = new Policies.Choice(config.pickup().policy(), ring.multipliedBy(config.pickup().rings()),
                    config.warningPercents(), CalendarDefinition.CALENDAR_TIME, CalendarTime.INSTANCE);
            TicketFacts facts = new TicketFacts(offer.channel(), null, null, offer.queue());
            return clocks.open(offer.contactId(), SlaClock.PICKUP, offer.contactId(), facts, at, rings)
                    .chain(started -> earlierOutcome(offer.contactId()).chain(outcome -> outcome == null
                            ? ClockService.none() : settle(started, outcome.outcome(), outcome.at(), outcome.agentId())));
        });
    }

    /** R2: an agent picked up; before the offer was processed, the answer waits for it. */
    public Uni<Tally> answered(ContactAnswered answer, Instant eventTime) {
        Instant at = clocks.at(answer.answeredAt(), eventTime);
        return outcome(answer.contactId(), ANSWERED, at, answer.agentId());
    }

    /** The customer hung up or left before pickup: recorded for the abandonment rate (M1). */
    public Uni<Tally> abandoned(ContactAbandoned abandon, Instant eventTime) {
        Instant at = clocks.at(abandon.abandonedAt(), eventTime);
        return outcome(abandon.contactId(), ABANDONED, at, null);
    }

    /** R3: the callback's owner must call by its due time. */
    public Uni<Tally> callbackScheduled(CallbackScheduled callback, Instant eventTime) {
        Instant at = ClockService.exact(callback.scheduledAt() != null ? callback.scheduledAt() : eventTime);
        return find(SlaClock.CALLBACK, callback.callbackId()).chain(existing -> {
            if (callback.dueAt() == null) {
                return ClockService.none();
            }
            if (existing != null) {
                return rescheduled(existing, callback, at);
            }
            Duration untilDue = Duration.between(at, callback.dueAt());
            Policies.Choice due = new Policies.Choice(CALLBACK_POLICY, untilDue.isNegative() ? Duration.ZERO : untilDue,
                    config.warningPercents(), CalendarDefinition.CALENDAR_TIME, CalendarTime.INSTANCE);
            TicketFacts facts = new TicketFacts(null, null, null, callback.ownerAgentId());
            return clocks.open(callback.ticketId(), SlaClock.CALLBACK, callback.callbackId(), facts, at, due)
                    .invoke(opened -> opened.actedOnBy(callback.ownerAgentId(), null)).replaceWith(Tally.NONE);
        });
    }

    /**
     * The same callback announced again: rescheduled to another time, or handed to its owner (R3). A running
     * promise moves to the new time (fired warnings stay fired); a kept or broken one stays what it was.
     */
    private Uni<Tally> rescheduled(SlaClock clock, CallbackScheduled callback, Instant at) {
        if (SlaClock.STOPPED.equals(clock.state) || clock.schedule().breached()) {
            return ClockService.none();
        }
        clock.actedOnBy(callback.ownerAgentId(), null);
        if (callback.dueAt().equals(clock.deadline)) {
            return ClockService.none();
        }
        ClockSchedule before = clock.schedule();
        Duration budget = Duration.between(before.startedAt(), callback.dueAt());
        clock.apply(before.retarget(budget.isNegative() ? Duration.ZERO : budget, config.warningPercents(), at,
                CalendarTime.INSTANCE, CalendarTime.INSTANCE));
        Log.infof("Callback %s of ticket %s rescheduled: due %s, was %s", callback.callbackId(), callback.ticketId(),
                callback.dueAt(), before.deadline());
        return ClockService.none();
    }

    public Uni<Tally> callbackCompleted(CallbackCompleted done, Instant eventTime) {
        Instant at = clocks.at(done.completedAt(), eventTime);
        return find(SlaClock.CALLBACK, done.callbackId()).chain(callback -> callback == null
                || SlaClock.STOPPED.equals(callback.state) ? ClockService.none() : clocks.kept(callback, at, "called back"));
    }

    private Uni<Tally> outcome(String contactId, String outcome, Instant at, String agentId) {
        return find(SlaClock.PICKUP, contactId).chain(pickup -> {
            if (pickup == null) {
                Log.infof("Contact %s %s before its offer was processed; kept for the offer", contactId, outcome);
                return keep(contactId, outcome, at, agentId).replaceWith(Tally.NONE);
            }
            return SlaClock.STOPPED.equals(pickup.state) ? ClockService.none() : settle(pickup, outcome, at, agentId);
        });
    }

    private Uni<Tally> settle(SlaClock pickup, String outcome, Instant at, String agentId) {
        if (ANSWERED.equals(outcome)) {
            return clocks.kept(pickup.actedOnBy(agentId, null), at, ANSWERED);
        }
        if (!pickup.schedule().breached() && !at.isBefore(pickup.deadline)) {
            return clocks.fireDueStages(pickup).invoke(() -> pickup.stop(at, ABANDONED + " after the deadline"));
        }
        return clocks.stop(pickup, at, ABANDONED);
    }

    private static Uni<SlaClock> find(String kind, String subjectId) {
        return SlaClock.<SlaClock>find("kind = ?1 and subjectId = ?2", kind, subjectId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** The first outcome by event time wins: an answer after an abandonment cannot pick up a gone customer. */
    private static Uni<Integer> keep(String contactId, String outcome, Instant at, String agentId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO contact_outcome (contact_id, outcome, "
                + "at, agent_id) VALUES (:id, :outcome, :at, :agent) ON CONFLICT (contact_id) DO UPDATE SET "
                + "outcome = EXCLUDED.outcome, at = EXCLUDED.at, agent_id = EXCLUDED.agent_id "
                + "WHERE EXCLUDED.at < contact_outcome.at")
                .setParameter("id", contactId).setParameter("outcome", outcome).setParameter("at", at)
                .setParameter("agent", agentId).executeUpdate());
    }

    private record Outcome(String outcome, Instant at, String agentId) {
    }

    private static Uni<Outcome> earlierOutcome(String contactId) {
        return NativeRows.rows("SELECT outcome, at, agent_id FROM contact_outcome WHERE contact_id = :id",
                Map.of("id", contactId)).map(rows -> rows.isEmpty() ? null : new Outcome((String) rows.get(0)[0],
                        NativeRows.instant(rows.get(0)[1]), (String) rows.get(0)[2]));
    }
}
