package io.supportsuite.sla.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.supportsuite.sla.calendar.WorkingCalendar;

/**
 * The arithmetic of one clock, free of storage and time sources: when each stage falls due (R4), where the
 * deadline lies (R1, R6) and how a pause moves both (R5). Immutable; every change returns a new schedule.
 *
 * <p>Counted time is kept as {@code elapsedBefore} (counted up to {@code runningSince}) plus what the
 * calendar counts from {@code runningSince} on, so paused time never counts and a business-hours calendar
 * needs no other change here.
 *
 * @param stages        ascending percentages of the budget; the last one, {@link #BREACH}, is the breach
 * @param pausedAt      when the clock was paused, null while it runs
 * @param pausedTotal   wall time spent paused, for the record
 * @param nextStage     the first stage not fired yet, null once the breach fired
 * @param nextFireAt    when {@code nextStage} falls due, null while paused or once the breach fired
 */
public record ClockSchedule(Duration budget, List<Integer> stages, Instant startedAt, Instant runningSince,
        Duration elapsedBefore, Instant pausedAt, Duration pausedTotal, Integer nextStage, Instant deadline,
        Instant nextFireAt) {

    public static final int BREACH = 100;

    public ClockSchedule {
        Objects.requireNonNull(budget, "budget");
        stages = List.copyOf(stages);
        if (stages.isEmpty() || stages.get(stages.size() - 1) != BREACH) {
            throw new IllegalArgumentException("The last stage must be the breach at 100 %: " + stages);
        }
    }

    /** The warning percentages (R4) in firing order, without duplicates or out-of-range values, then the breach. */
    public static List<Integer> stages(List<Integer> warningPercents) {
        List<Integer> stages = new ArrayList<>(warningPercents.stream().filter(p -> p > 0 && p < BREACH).distinct()
                .sorted().toList());
        stages.add(BREACH);
        return stages;
    }

    /** A running clock counting {@code budget} from {@code startedAt}. */
    public static ClockSchedule start(Instant startedAt, Duration budget, List<Integer> warningPercents,
            WorkingCalendar calendar) {
        List<Integer> stages = stages(warningPercents);
        ClockSchedule fresh = new ClockSchedule(budget, stages, startedAt, startedAt, Duration.ZERO, null, Duration.ZERO,
                stages.get(0), calendar.plus(startedAt, budget), null);
        return fresh.withNextFireAt(fresh.dueAt(stages.get(0), calendar));
    }

    public boolean paused() {
        return pausedAt != null;
    }

    /** True once the breach stage fired: the promise is broken, whatever happens next. */
    public boolean breached() {
        return nextStage == null;
    }

    /** Time counted against the budget up to {@code at}. */
    public Duration elapsed(Instant at, WorkingCalendar calendar) {
        return paused() ? elapsedBefore : elapsedBefore.plus(calendar.between(runningSince, at));
    }

    /** When {@code percent} of the budget will have been counted, if the clock keeps running. */
    public Instant dueAt(int percent, WorkingCalendar calendar) {
        Duration left = budget.multipliedBy(percent).dividedBy(BREACH).minus(elapsedBefore);
        return calendar.plus(runningSince, left.isNegative() ? Duration.ZERO : left);
    }

    /** R5: stops counting at {@code at}; nothing falls due while paused. */
    public ClockSchedule pause(Instant at, WorkingCalendar calendar) {
        if (paused()) {
            return this;
        }
        Instant from = at.isBefore(runningSince) ? runningSince : at;
        return new ClockSchedule(budget, stages, startedAt, runningSince, elapsed(from, calendar), from, pausedTotal,
                nextStage, deadline, null);
    }

    /**
     * R5: counts again from {@code at}. The deadline moves by the paused time (in calendar time exactly the
     * pause's length); stages already fired stay fired.
     */
    public ClockSchedule resume(Instant at, WorkingCalendar calendar) {
        if (!paused()) {
            return this;
        }
        Instant from = at.isBefore(pausedAt) ? pausedAt : at;
        Duration left = budget.minus(elapsedBefore);
        ClockSchedule resumed = new ClockSchedule(budget, stages, startedAt, from, elapsedBefore, null,
                pausedTotal.plus(Duration.between(pausedAt, from)), nextStage,
                calendar.plus(from, left.isNegative() ? Duration.ZERO : left), null);
        return breached() ? resumed : resumed.withNextFireAt(resumed.dueAt(nextStage, calendar));
    }

    /** The next stage fired: arms the one after it, or nothing once the breach fired. */
    public ClockSchedule stageFired(WorkingCalendar calendar) {
        if (breached()) {
            throw new IllegalStateException("Every stage already fired");
        }
        int index = stages.indexOf(nextStage);
        Integer following = index + 1 < stages.size() ? stages.get(index + 1) : null;
        ClockSchedule advanced = new ClockSchedule(budget, stages, startedAt, runningSince, elapsedBefore, pausedAt,
                pausedTotal, following, deadline, null);
        return following == null || paused() ? advanced : advanced.withNextFireAt(advanced.dueAt(following, calendar));
    }

    /**
     * The clock under another policy from {@code at} on: the time counted so far stays counted (in the old
     * calendar), the rest is counted against the new budget in the new calendar, and stages already fired
     * stay fired (the next one is the first new stage above the last fired). A paused clock stays paused.
     */
    public ClockSchedule retarget(Duration newBudget, List<Integer> warningPercents, Instant at, WorkingCalendar old,
            WorkingCalendar fresh) {
        if (breached()) {
            throw new IllegalStateException("A breached clock keeps its broken promise");
        }
        List<Integer> newStages = stages(warningPercents);
        int lastFired = stages.indexOf(nextStage) == 0 ? 0 : stages.get(stages.indexOf(nextStage) - 1);
        Integer next = newStages.stream().filter(s -> s > lastFired).findFirst().orElse(BREACH);
        Instant from = at.isBefore(runningSince) ? runningSince : at;
        Duration counted = paused() ? elapsedBefore : elapsed(from, old);
        Duration left = newBudget.minus(counted);
        Instant since = paused() ? pausedAt : from;
        ClockSchedule retargeted = new ClockSchedule(newBudget, newStages, startedAt, since, counted, pausedAt,
                pausedTotal, next, fresh.plus(since, left.isNegative() ? Duration.ZERO : left), null);
        return paused() ? retargeted : retargeted.withNextFireAt(retargeted.dueAt(next, fresh));
    }

    /** True when the next stage is the breach rather than a warning. */
    public boolean nextIsBreach() {
        return nextStage != null && nextStage == BREACH;
    }

    private ClockSchedule withNextFireAt(Instant at) {
        return new ClockSchedule(budget, stages, startedAt, runningSince, elapsedBefore, pausedAt, pausedTotal, nextStage,
                deadline, at);
    }
}
