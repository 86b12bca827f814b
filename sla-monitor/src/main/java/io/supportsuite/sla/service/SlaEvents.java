package io.supportsuite.sla.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.sla.ClockRef;
import io.supportsuite.events.sla.SlaBreached;
import io.supportsuite.events.sla.SlaClockPaused;
import io.supportsuite.events.sla.SlaClockResumed;
import io.supportsuite.events.sla.SlaClockStarted;
import io.supportsuite.events.sla.SlaMet;
import io.supportsuite.events.sla.SlaWarning;
import io.supportsuite.runtime.outbox.Outbox;
import io.supportsuite.sla.clock.ClockSchedule;
import io.supportsuite.sla.clock.SlaClock;

/**
 * The {@code support.sla.v1} events, appended to the outbox in the caller's transaction (keyed by ticket
 * id), and the one place where a stage fires.
 */
@ApplicationScoped
public class SlaEvents {

    static final String PAUSE_REASON = "waiting on customer";

    private final Outbox outbox;
    private final Policies policies;

    public SlaEvents(Outbox outbox, Policies policies) {
        this.outbox = outbox;
        this.policies = policies;
    }

    public Uni<Void> started(SlaClock clock) {
        return append(clock, EventTypes.SLA_CLOCK_STARTED, new SlaClockStarted(ref(clock, clock.startedAt), clock.startedAt));
    }

    public Uni<Void> paused(SlaClock clock, Instant at) {
        return append(clock, EventTypes.SLA_CLOCK_PAUSED, new SlaClockPaused(ref(clock, at), PAUSE_REASON, at));
    }

    public Uni<Void> resumed(SlaClock clock, Instant at) {
        return append(clock, EventTypes.SLA_CLOCK_RESUMED, new SlaClockResumed(ref(clock, at), at));
    }

    public Uni<Void> met(SlaClock clock, Instant at) {
        return append(clock, EventTypes.SLA_MET, new SlaMet(ref(clock, at), at));
    }

    /**
     * A stage fired in memory: its {@code clock_stage} row (clock, stage, due, fired), the metric and the
     * event to append, all three only once the row is new.
     */
    public record Staged(UUID clockId, int stage, Instant dueAt, Instant firedAt, Fired fired, Outbox.Event event) {
    }

    /**
     * Fires the clock's next stage at {@code at} in memory (a warning, or the breach at 100 %) and arms the
     * one after; the caller records the stage under its unique key and publishes the event only when that
     * row is new, so a stage is never published twice.
     */
    public Staged stage(SlaClock clock, Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.MILLIS); // stages fall due on whole milliseconds
        ClockSchedule schedule = clock.schedule();
        int stage = schedule.nextStage();
        Instant dueAt = schedule.nextFireAt() != null ? schedule.nextFireAt() : now;
        boolean breach = stage == ClockSchedule.BREACH;
        ClockRef ref = ref(clock, now);
        clock.apply(schedule.stageFired(policies.calendarOf(clock)));
        if (breach) {
            clock.breachedAt = now;
        }
        Outbox.Event event = breach
                ? new Outbox.Event(Topics.SLA, clock.ticketId, EventTypes.SLA_BREACHED, clock.ticketId, new SlaBreached(ref, now))
                : new Outbox.Event(Topics.SLA, clock.ticketId, EventTypes.SLA_WARNING, clock.ticketId,
                        new SlaWarning(ref, stage, now));
        return new Staged(clock.id, stage, dueAt, now, new Fired(clock.kind, clock.channel, stage, breach, dueAt, now), event);
    }

    /** {@link #stage} for one clock in the current reactive transaction; the item is null when the stage had fired already. */
    public Uni<Fired> fireNextStage(SlaClock clock, Instant at) {
        Staged staged = stage(clock, at);
        return Panache.getSession().chain(session -> session.createNativeQuery("INSERT INTO clock_stage "
                + "(clock_id, stage_percent, due_at, fired_at) VALUES (:clock, :stage, :due, :fired) ON CONFLICT DO NOTHING")
                .setParameter("clock", staged.clockId())
                .setParameter("stage", staged.stage())
                .setParameter("due", staged.dueAt())
                .setParameter("fired", staged.firedAt())
                .executeUpdate())
                .chain(inserted -> {
                    if (inserted == 0) {
                        Log.warnf("Stage %d of clock %s had already fired; not publishing it again", staged.stage(), clock.id);
                        return Uni.createFrom().nullItem();
                    }
                    Outbox.Event e = staged.event();
                    return outbox.append(e.topic(), e.key(), e.type(), e.subject(), e.payload()).replaceWith(staged.fired());
                });
    }

    /** The clock as every event names it; elapsed is what counted against the budget up to {@code at}. */
    public ClockRef ref(SlaClock clock, Instant at) {
        ClockSchedule schedule = clock.schedule();
        return new ClockRef(clock.id.toString(), clock.ticketId, clock.kind, clock.policy, clock.channel, clock.priority,
                clock.deadline, schedule.elapsed(at, policies.calendarOf(clock)).toSeconds(),
                schedule.budget().toSeconds());
    }

    private Uni<Void> append(SlaClock clock, String type, Object event) {
        return outbox.append(Topics.SLA, clock.ticketId, type, clock.ticketId, event).replaceWithVoid();
    }
}
