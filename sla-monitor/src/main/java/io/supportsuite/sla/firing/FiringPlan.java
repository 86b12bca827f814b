package io.supportsuite.sla.firing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import io.supportsuite.sla.clock.ClockSchedule;
import io.supportsuite.sla.calendar.WorkingCalendar;

/**
 * Pure decisions of the firing loop: which stages of the claimed clocks fire in one round, in which order,
 * and how long to sleep afterwards.
 */
public final class FiringPlan {

    /** A claimed clock, as the plan sees it. */
    public record Due(ClockSchedule schedule, WorkingCalendar calendar) {
    }

    /** Fire the next stage of claimed clock number {@code clock}; it was due at {@code dueAt}. */
    public record Step(int clock, int stage, Instant dueAt) {
    }

    private FiringPlan() {
    }

    /**
     * The stages to fire, in due order across clocks, including later stages of one clock that are due as
     * well (a clock that fell far behind while no loop ran fires 50, 80 and 100 in one round).
     *
     * @param claimed the clocks claimed for this round, ordered by their next fire time
     * @param now     the current time: nothing due later fires
     * @param full    true when the claim hit its batch size: then clocks not claimed may be due before the
     *                later stages of claimed ones, so this round stops at the last claimed fire time and
     *                the next round continues in order
     */
    public static List<Step> plan(List<Due> claimed, Instant now, boolean full) {
        Instant limit = now;
        if (full && !claimed.isEmpty()) {
            Instant lastClaimed = claimed.get(claimed.size() - 1).schedule().nextFireAt();
            if (lastClaimed != null && lastClaimed.isBefore(limit)) {
                limit = lastClaimed;
            }
        }
        record Pending(int clock, ClockSchedule schedule) {
        }
        PriorityQueue<Pending> queue = new PriorityQueue<>(
                Comparator.comparing((Pending p) -> p.schedule().nextFireAt()).thenComparingInt(Pending::clock));
        for (int i = 0; i < claimed.size(); i++) {
            if (claimed.get(i).schedule().nextFireAt() != null) {
                queue.add(new Pending(i, claimed.get(i).schedule()));
            }
        }
        List<Step> steps = new ArrayList<>();
        while (!queue.isEmpty() && !queue.peek().schedule().nextFireAt().isAfter(limit)) {
            Pending next = queue.poll();
            steps.add(new Step(next.clock(), next.schedule().nextStage(), next.schedule().nextFireAt()));
            ClockSchedule after = next.schedule().stageFired(claimed.get(next.clock()).calendar());
            if (after.nextFireAt() != null) {
                queue.add(new Pending(next.clock(), after));
            }
        }
        return steps;
    }

    /**
     * How long the loop sleeps after a round (a NOTIFY of a newly armed clock wakes it earlier).
     *
     * @param fired       stages fired in the round just done
     * @param earliest    the earliest fire time left, null when no clock is armed
     * @param maxWait     the longest sleep
     * @param lockedRetry the sleep when due clocks are held by another transaction
     */
    public static Duration sleep(int fired, Instant earliest, Instant now, Duration maxWait, Duration lockedRetry) {
        if (earliest == null) {
            return maxWait;
        }
        if (!earliest.isAfter(now)) {
            // Still due: more to do at once, unless nothing fired because someone else holds those clocks.
            return fired > 0 ? Duration.ZERO : min(lockedRetry, maxWait);
        }
        Duration until = Duration.between(now, earliest);
        // Whole milliseconds, rounded up: waking a fraction early would find nothing due yet.
        Duration rounded = Duration.ofMillis((until.toNanos() + 999_999) / 1_000_000);
        return min(rounded, maxWait);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
