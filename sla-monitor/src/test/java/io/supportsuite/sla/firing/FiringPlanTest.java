package io.supportsuite.sla.firing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.supportsuite.sla.calendar.CalendarTime;
import io.supportsuite.sla.clock.ClockSchedule;

/** Which stages a firing round fires and in which order, and how long the loop sleeps (R1, R4). */
class FiringPlanTest {

    private static final Instant T0 = Instant.parse("2025-03-03T08:00:00Z");
    private static final Duration MAX_WAIT = Duration.ofSeconds(1);
    private static final Duration LOCKED_RETRY = Duration.ofMillis(50);

    private static FiringPlan.Due clock(int startSecond, int budgetSeconds) {
        return new FiringPlan.Due(ClockSchedule.start(T0.plusSeconds(startSecond), Duration.ofSeconds(budgetSeconds),
                List.of(50, 80), CalendarTime.INSTANCE), CalendarTime.INSTANCE);
    }

    private static String describe(List<FiringPlan.Step> steps) {
        return String.join(" ", steps.stream().map(s -> "ABC".charAt(s.clock()) + "" + s.stage()).toList());
    }

    @Test
    void stagesOverdueWhileNoLoopRanFireInDueOrderAcrossClocks() {
        // A: 50 % at 5 s, 80 % at 8 s, breach at 10 s; B: 50 % at 7 s, 80 % at 10 s, breach at 12 s.
        List<FiringPlan.Due> claimed = List.of(clock(0, 10), clock(2, 10));
        List<FiringPlan.Step> steps = FiringPlan.plan(claimed, T0.plusSeconds(60), false);
        assertEquals("A50 B50 A80 A100 B80 B100", describe(steps));
        assertEquals(List.of(5L, 7L, 8L, 10L, 10L, 12L),
                steps.stream().map(s -> Duration.between(T0, s.dueAt()).toSeconds()).toList());
    }

    @Test
    void nothingDueAfterNowFires() {
        List<FiringPlan.Step> steps = FiringPlan.plan(List.of(clock(0, 10), clock(2, 10)), T0.plusSeconds(9), false);
        assertEquals("A50 B50 A80", describe(steps));
    }

    @Test
    void aFullBatchStopsAtTheLastClaimedFireTimeSoUnclaimedClocksKeepTheirTurn() {
        // Only A was claimed (batch full); an unclaimed clock may be due at 6 s, before A's 80 % at 8 s.
        List<FiringPlan.Step> steps = FiringPlan.plan(List.of(clock(0, 10)), T0.plusSeconds(60), true);
        assertEquals("A50", describe(steps));
    }

    @Test
    void theLoopSleepsUntilTheEarliestStageButNoLongerThanTheMaximum() {
        Instant now = T0;
        assertEquals(Duration.ofMillis(250),
                FiringPlan.sleep(0, now.plusMillis(250), now, MAX_WAIT, LOCKED_RETRY));
        assertEquals(MAX_WAIT, FiringPlan.sleep(0, now.plusSeconds(3600), now, MAX_WAIT, LOCKED_RETRY));
        assertEquals(MAX_WAIT, FiringPlan.sleep(0, null, now, MAX_WAIT, LOCKED_RETRY), "nothing armed");
        assertEquals(Duration.ofMillis(1), FiringPlan.sleep(0, now.plusNanos(1_000), now, MAX_WAIT, LOCKED_RETRY),
                "never wakes before the stage is due");
    }

    @Test
    void moreDueWorkRunsAtOnceAndLockedWorkIsRetriedShortly() {
        assertEquals(Duration.ZERO, FiringPlan.sleep(3, T0.minusMillis(5), T0, MAX_WAIT, LOCKED_RETRY));
        assertEquals(LOCKED_RETRY, FiringPlan.sleep(0, T0.minusMillis(5), T0, MAX_WAIT, LOCKED_RETRY));
    }
}
