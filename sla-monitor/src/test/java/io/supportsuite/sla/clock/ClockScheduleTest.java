package io.supportsuite.sla.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.supportsuite.sla.calendar.BusinessHours;
import io.supportsuite.sla.calendar.CalendarTime;
import io.supportsuite.sla.calendar.WeeklyHours;
import io.supportsuite.sla.calendar.WorkingCalendar;

/** The stage and deadline arithmetic of R1, R4, R5 and R6, without a container. */
class ClockScheduleTest {

    private static final WorkingCalendar CALENDAR = CalendarTime.INSTANCE;
    private static final Instant T0 = Instant.parse("2025-03-03T08:00:00Z");
    private static final Duration TEN_HOURS = Duration.ofHours(10);
    private static final List<Integer> WARNINGS = List.of(50, 80);

    private static ClockSchedule tenHourClock() {
        return ClockSchedule.start(T0, TEN_HOURS, WARNINGS, CALENDAR);
    }

    private static Instant at(double hours) {
        return T0.plus(Duration.ofMillis((long) (hours * 3_600_000)));
    }

    @Test
    void tenHourRuleDeadlineIsArrivalPlusTheBudget() {
        ClockSchedule clock = tenHourClock();
        assertEquals(at(10), clock.deadline());
        assertEquals(T0, clock.startedAt());
        assertFalse(clock.paused());
        assertFalse(clock.breached());
    }

    @Test
    void vipBudgetGivesTheTighterDeadline() {
        assertEquals(at(2), ClockSchedule.start(T0, Duration.ofHours(2), WARNINGS, CALENDAR).deadline());
    }

    @Test
    void warningsFallAtFiftyAndEightyPercentAndTheBreachAtTheDeadline() {
        ClockSchedule clock = tenHourClock();
        assertEquals(50, clock.nextStage());
        assertEquals(at(5), clock.nextFireAt());

        clock = clock.stageFired(CALENDAR);
        assertEquals(80, clock.nextStage());
        assertEquals(at(8), clock.nextFireAt());

        clock = clock.stageFired(CALENDAR);
        assertTrue(clock.nextIsBreach());
        assertEquals(clock.deadline(), clock.nextFireAt());

        clock = clock.stageFired(CALENDAR);
        assertTrue(clock.breached());
        assertNull(clock.nextFireAt(), "nothing left to fire after the breach");
        assertThrows(IllegalStateException.class, () -> tenHourClock().stageFired(CALENDAR).stageFired(CALENDAR)
                .stageFired(CALENDAR).stageFired(CALENDAR));
    }

    @Test
    void warningStagesAreSortedWithoutDuplicatesAndTheBreachIsAlwaysLast() {
        assertEquals(List.of(50, 80, 100), ClockSchedule.stages(List.of(80, 50, 80, 0, 100, 120)));
        assertEquals(List.of(100), ClockSchedule.stages(List.of()));
        assertEquals(List.of(25, 50, 75, 90, 100), ClockSchedule.stages(List.of(90, 75, 50, 25)));
    }

    @Test
    void elapsedCountsRunningTimeOnly() {
        ClockSchedule clock = tenHourClock();
        assertEquals(Duration.ofHours(3), clock.elapsed(at(3), CALENDAR));
        ClockSchedule paused = clock.pause(at(3), CALENDAR);
        assertEquals(Duration.ofHours(3), paused.elapsed(at(7), CALENDAR), "paused time does not count");
        assertEquals(Duration.ofHours(4), paused.resume(at(7), CALENDAR).elapsed(at(8), CALENDAR));
        assertEquals(Duration.ZERO, clock.elapsed(T0.minusSeconds(60), CALENDAR));
    }

    @Test
    void pendingPausesTheClockSoNothingFallsDue() {
        ClockSchedule paused = tenHourClock().pause(at(1), CALENDAR);
        assertTrue(paused.paused());
        assertEquals(at(1), paused.pausedAt());
        assertNull(paused.nextFireAt(), "no stage fires while the customer is awaited");
        assertEquals(50, paused.nextStage());
        assertEquals(paused, paused.pause(at(2), CALENDAR), "pausing a paused clock changes nothing");
    }

    @Test
    void resumeShiftsTheDeadlineAndStagesByThePausedTime() {
        ClockSchedule resumed = tenHourClock().pause(at(1), CALENDAR).resume(at(4), CALENDAR);
        assertFalse(resumed.paused());
        assertEquals(at(13), resumed.deadline(), "deadline + 3 h paused");
        assertEquals(at(8), resumed.nextFireAt(), "50 % = 5 h counted: 1 h before the pause, 4 h after");
        assertEquals(Duration.ofHours(3), resumed.pausedTotal());
        assertEquals(resumed, resumed.resume(at(5), CALENDAR), "resuming a running clock changes nothing");
    }

    @Test
    void aWarningAlreadyFiredIsNotFiredAgainAfterResume() {
        ClockSchedule clock = tenHourClock().stageFired(CALENDAR); // 50 % fired at 5 h
        ClockSchedule resumed = clock.pause(at(6), CALENDAR).resume(at(7), CALENDAR);
        assertEquals(80, resumed.nextStage(), "the 50 % warning stays fired");
        assertEquals(at(9), resumed.nextFireAt(), "80 % = 8 h counted: 6 h before the pause, 2 h after");
        assertEquals(at(11), resumed.deadline());
    }

    @Test
    void twoPausesAddUp() {
        ClockSchedule clock = tenHourClock()
                .pause(at(1), CALENDAR).resume(at(2), CALENDAR)
                .pause(at(3), CALENDAR).resume(at(5), CALENDAR);
        assertEquals(at(13), clock.deadline());
        assertEquals(Duration.ofHours(3), clock.pausedTotal());
        assertEquals(Duration.ofHours(2), clock.elapsedBefore());
        assertEquals(at(8), clock.nextFireAt());
    }

    @Test
    void aPauseOrResumeReportedOutOfOrderIsClampedToTheClock() {
        ClockSchedule paused = tenHourClock().pause(T0.minusSeconds(30), CALENDAR);
        assertEquals(T0, paused.pausedAt(), "cannot pause before the clock started");
        ClockSchedule resumed = paused.resume(T0.minusSeconds(10), CALENDAR);
        assertEquals(Duration.ZERO, resumed.pausedTotal(), "cannot resume before the pause");
        assertEquals(at(10), resumed.deadline());
    }

    @Test
    void aStagePassedBeforeThePauseFallsDueAtOnceOnResume() {
        // The 50 % point (5 h) passed while the stage was still unfired when the pause came at 6 h.
        ClockSchedule resumed = tenHourClock().pause(at(6), CALENDAR).resume(at(9), CALENDAR);
        assertEquals(50, resumed.nextStage());
        assertEquals(at(9), resumed.nextFireAt());
        assertEquals(at(13), resumed.deadline());
    }

    @Test
    void aBusinessHoursCalendarPlugsInWithoutOtherChanges() {
        WorkingCalendar office = new BusinessHours(ZoneOffset.UTC, WeeklyHours.parse("MON-SUN 09:00-17:00"), Set.of());
        Instant monday4pm = Instant.parse("2025-03-03T16:00:00Z");
        ClockSchedule clock = ClockSchedule.start(monday4pm, Duration.ofHours(10), WARNINGS, office);
        // 1 h on Monday, 8 h on Tuesday, 1 h on Wednesday.
        assertEquals(Instant.parse("2025-03-05T10:00:00Z"), clock.deadline());
        assertEquals(Instant.parse("2025-03-04T13:00:00Z"), clock.nextFireAt(), "50 % = 5 h counted");
        ClockSchedule resumed = clock.pause(Instant.parse("2025-03-04T10:00:00Z"), office)
                .resume(Instant.parse("2025-03-05T09:00:00Z"), office);
        assertEquals(Duration.ofHours(2), resumed.elapsedBefore());
        assertEquals(Instant.parse("2025-03-05T12:00:00Z"), resumed.nextFireAt());
        assertEquals(Instant.parse("2025-03-05T17:00:00Z"), resumed.deadline(), "8 h left: all of Wednesday");
    }

    @Test
    void recalculatingUnderALongerTargetKeepsCountedTimeAndFiredStages() {
        ClockSchedule clock = tenHourClock().stageFired(CALENDAR); // 50 % fired at 5 h
        ClockSchedule longer = clock.retarget(Duration.ofHours(20), WARNINGS, at(6), CALENDAR, CALENDAR);
        assertEquals(Duration.ofHours(6), longer.elapsedBefore());
        assertEquals(at(20), longer.deadline());
        assertEquals(80, longer.nextStage(), "50 % stays fired");
        assertEquals(at(16), longer.nextFireAt());
    }

    @Test
    void recalculatingUnderATighterTargetAlreadyPassedFallsDueAtOnce() {
        ClockSchedule tighter = tenHourClock().retarget(Duration.ofHours(4), WARNINGS, at(6), CALENDAR, CALENDAR);
        assertEquals(at(6), tighter.deadline());
        assertEquals(50, tighter.nextStage());
        assertEquals(at(6), tighter.nextFireAt(), "overdue stages fire at once, in order");
    }

    @Test
    void recalculatingAPausedClockKeepsItPaused() {
        ClockSchedule paused = tenHourClock().pause(at(2), CALENDAR);
        ClockSchedule retargeted = paused.retarget(Duration.ofHours(4), List.of(25), at(3), CALENDAR, CALENDAR);
        assertTrue(retargeted.paused());
        assertNull(retargeted.nextFireAt());
        assertEquals(25, retargeted.nextStage());
        assertEquals(at(5), retargeted.resume(at(3), CALENDAR).deadline(), "2 h counted, 2 h left after resuming at 3 h");
    }

    @Test
    void aPauseOverTheWeekendInBusinessHoursCountsNeitherThePauseNorTheWeekend() {
        WorkingCalendar riga = new BusinessHours(java.time.ZoneId.of("Europe/Riga"), WeeklyHours.parse("MON-FRI 09:00-17:00"),
                Set.of(java.time.LocalDate.parse("2026-03-09")));
        Instant thursday10 = Instant.parse("2026-03-05T08:00:00Z"); // 10:00 in Riga
        ClockSchedule clock = ClockSchedule.start(thursday10, TEN_HOURS, WARNINGS, riga);
        assertEquals(Instant.parse("2026-03-06T10:00:00Z"), clock.deadline(), "7 h Thursday, 3 h Friday: 12:00 Riga");
        ClockSchedule paused = clock.pause(Instant.parse("2026-03-05T14:00:00Z"), riga); // 16:00: 6 h counted
        ClockSchedule resumed = paused.resume(Instant.parse("2026-03-06T12:00:00Z"), riga); // Friday 14:00
        assertEquals(Duration.ofHours(6), resumed.elapsedBefore());
        // 4 h left: 3 h on Friday, Monday is a holiday, 1 h on Tuesday.
        assertEquals(Instant.parse("2026-03-10T08:00:00Z"), resumed.deadline());
        assertEquals(Duration.ofHours(9), resumed.elapsed(Instant.parse("2026-03-09T12:00:00Z"), riga),
                "6 h before the pause, 3 h on Friday; the weekend and the holiday count nothing");
    }
}
