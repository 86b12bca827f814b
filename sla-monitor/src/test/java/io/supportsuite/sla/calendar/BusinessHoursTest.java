package io.supportsuite.sla.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The deadline arithmetic of business-hours calendars (R1's alternative to calendar time), in Riga, whose
 * clocks go forward on 29 March 2026 (03:00 → 04:00) and back on 25 October 2026 (04:00 → 03:00).
 */
class BusinessHoursTest {

    private static final ZoneId RIGA = ZoneId.of("Europe/Riga");
    private static final Duration TEN_HOURS = Duration.ofHours(10);
    private static final BusinessHours OFFICE = calendar("MON-FRI 09:00-17:00");

    private static BusinessHours calendar(String hours, LocalDate... holidays) {
        return new BusinessHours(RIGA, WeeklyHours.parse(hours), Set.of(holidays));
    }

    /** A wall-clock time in Riga. */
    private static Instant riga(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(RIGA).toInstant();
    }

    @Test
    void tenBusinessHoursFromFridayAfternoonEndOnMondayAfterTheWeekend() {
        Instant friday2pm = riga("2026-03-06T14:00");
        assertEquals(riga("2026-03-09T16:00"), OFFICE.plus(friday2pm, TEN_HOURS), "3 h on Friday, 7 h on Monday");
        assertEquals(TEN_HOURS, OFFICE.between(friday2pm, riga("2026-03-09T16:00")));
    }

    @Test
    void aHolidayIsSkippedLikeAWeekend() {
        BusinessHours latvia = calendar("MON-FRI 09:00-17:00", LocalDate.parse("2026-11-18"));
        Instant tuesday1pm = riga("2026-11-17T13:00");
        assertEquals(riga("2026-11-19T15:00"), latvia.plus(tuesday1pm, TEN_HOURS), "4 h Tuesday, Wednesday off, 6 h Thursday");
        assertEquals(riga("2026-11-18T15:00"), OFFICE.plus(tuesday1pm, TEN_HOURS), "without the holiday: Wednesday");
        assertEquals(Duration.ofHours(4), latvia.between(tuesday1pm, riga("2026-11-19T09:00")));
    }

    @Test
    void deadlineAcrossTheSpringDstChangeKeepsTheLocalHour() {
        // Friday 14:00 at UTC+2, Monday 16:00 at UTC+3: adding UTC hours naively would say 17:00.
        Instant friday = riga("2026-03-27T14:00");
        assertEquals(Instant.parse("2026-03-27T12:00:00Z"), friday);
        assertEquals(Instant.parse("2026-03-30T13:00:00Z"), OFFICE.plus(friday, TEN_HOURS));
    }

    @Test
    void deadlineAcrossTheAutumnDstChangeKeepsTheLocalHour() {
        Instant friday = riga("2026-10-23T14:00");
        assertEquals(Instant.parse("2026-10-23T11:00:00Z"), friday);
        assertEquals(Instant.parse("2026-10-26T14:00:00Z"), OFFICE.plus(friday, TEN_HOURS), "Monday 16:00 at UTC+2");
    }

    @Test
    void aNightShiftIsAnHourShorterWhenTheClocksGoForward() {
        BusinessHours nights = calendar("SAT 22:00-06:00");
        Instant start = riga("2026-03-28T22:00");
        assertEquals(Duration.ofHours(7), nights.between(start, riga("2026-03-29T06:00")));
        assertEquals(riga("2026-03-29T06:00"), nights.plus(start, Duration.ofHours(7)));
        assertEquals(riga("2026-04-04T23:00"), nights.plus(start, Duration.ofHours(8)), "the 8th hour is next Saturday");
    }

    @Test
    void aNightShiftIsAnHourLongerWhenTheClocksGoBack() {
        BusinessHours nights = calendar("SAT 22:00-06:00");
        Instant start = riga("2026-10-24T22:00");
        assertEquals(Duration.ofHours(9), nights.between(start, riga("2026-10-25T06:00")));
        assertEquals(Instant.parse("2026-10-25T03:00:00Z"), nights.plus(start, Duration.ofHours(8)), "05:00 at UTC+2");
    }

    @Test
    void aShiftOverMidnightCountsOnBothDays() {
        BusinessHours nights = calendar("FRI 22:00-06:00");
        Instant friday11pm = riga("2026-03-06T23:00");
        assertEquals(riga("2026-03-07T04:00"), nights.plus(friday11pm, Duration.ofHours(5)));
        assertEquals(riga("2026-03-13T23:00"), nights.plus(friday11pm, Duration.ofHours(8)), "7 h this night, 1 h the next");
        assertEquals(riga("2026-03-07T04:00"), nights.plus(riga("2026-03-07T02:00"), Duration.ofHours(2)),
                "starting after midnight inside Friday's shift");
        assertEquals(Duration.ofHours(8), nights.between(riga("2026-03-06T12:00"), riga("2026-03-07T12:00")));
    }

    @Test
    void aHolidayCutsANightShiftAtMidnight() {
        BusinessHours nights = calendar("FRI 22:00-06:00", LocalDate.parse("2026-03-07"));
        assertEquals(Duration.ofHours(2), nights.between(riga("2026-03-06T20:00"), riga("2026-03-07T12:00")));
    }

    @Test
    void splitShiftsLeaveTheLunchBreakOut() {
        BusinessHours split = calendar("MON-FRI 09:00-12:00 13:00-17:00");
        Instant monday11am = riga("2026-03-09T11:00");
        assertEquals(riga("2026-03-09T14:00"), split.plus(monday11am, Duration.ofHours(2)));
        assertEquals(riga("2026-03-09T12:00"), split.plus(monday11am, Duration.ofHours(1)), "at the end of the morning");
        assertEquals(Duration.ofHours(7), split.between(riga("2026-03-09T08:00"), riga("2026-03-09T18:00")));
    }

    @Test
    void overlappingShiftsCountOnce() {
        BusinessHours overlapping = calendar("MON 09:00-17:00; MON 12:00-20:00");
        assertEquals(Duration.ofHours(11), overlapping.between(riga("2026-03-09T00:00"), riga("2026-03-10T00:00")));
        assertEquals(riga("2026-03-09T20:00"), overlapping.plus(riga("2026-03-09T09:00"), Duration.ofHours(11)));
    }

    @Test
    void aStartOutsideHoursCountsFromTheNextOpening() {
        assertEquals(riga("2026-03-09T10:00"), OFFICE.plus(riga("2026-03-07T10:00"), Duration.ofHours(1)), "Saturday");
        assertEquals(riga("2026-03-09T10:00"), OFFICE.plus(riga("2026-03-09T07:00"), Duration.ofHours(1)), "before opening");
        assertEquals(riga("2026-03-09T10:00"), OFFICE.plus(riga("2026-03-06T17:00"), Duration.ofHours(1)), "at closing");
        assertEquals(Duration.ZERO, OFFICE.between(riga("2026-03-07T08:00"), riga("2026-03-08T20:00")), "a weekend counts nothing");
    }

    @Test
    void zeroDurationIsTheStartItselfAndNegativeIsRejected() {
        Instant saturday = riga("2026-03-07T10:00");
        assertEquals(saturday, OFFICE.plus(saturday, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> OFFICE.plus(saturday, Duration.ofMinutes(-1)));
        assertEquals(Duration.ZERO, OFFICE.between(riga("2026-03-09T12:00"), riga("2026-03-09T10:00")), "backwards");
        assertEquals(Duration.ZERO, OFFICE.between(saturday, saturday));
        assertThrows(IllegalArgumentException.class, () -> CalendarTime.INSTANCE.plus(saturday, Duration.ofSeconds(-1)));
        assertEquals(saturday, CalendarTime.INSTANCE.plus(saturday, Duration.ZERO));
    }

    @Test
    void roundTheClockHoursAreCalendarTimeEvenAcrossDstChanges() {
        BusinessHours always = new BusinessHours(RIGA, WeeklyHours.ALWAYS, Set.of());
        for (String start : new String[] { "2026-03-28T20:00", "2026-10-24T20:00", "2026-06-01T00:00" }) {
            Instant from = riga(start);
            assertEquals(from.plus(Duration.ofHours(30)), always.plus(from, Duration.ofHours(30)), start);
            assertEquals(Duration.ofHours(30), always.between(from, from.plus(Duration.ofHours(30))), start);
        }
    }

    @Test
    void addingThenMeasuringGivesTheDurationBackAnywhereInTheYear() {
        BusinessHours mixed = calendar("MON-FRI 08:00-12:30 13:15-17:00; FRI 22:00-02:00; SAT 23:30-03:30",
                LocalDate.parse("2026-03-30"), LocalDate.parse("2026-10-25"), LocalDate.parse("2026-12-25"));
        Random random = new Random(42);
        Instant yearStart = riga("2026-01-01T00:00");
        for (int i = 0; i < 2000; i++) {
            Instant from = yearStart.plusSeconds(random.nextInt(365 * 24 * 3600));
            Duration working = Duration.ofSeconds(random.nextInt(80 * 3600));
            Instant deadline = mixed.plus(from, working);
            assertEquals(working, mixed.between(from, deadline), "from " + from + " plus " + working);
            assertTrue(!deadline.isBefore(from.plus(working)), "never sooner than calendar time");
            Instant later = mixed.plus(from, working.plusSeconds(1));
            assertTrue(later.isAfter(deadline), "one more second of work ends later");
        }
    }

    @Test
    void calendarTimeCountsEverySecond() {
        Instant from = riga("2026-03-28T20:00");
        assertEquals(from.plus(TEN_HOURS), CalendarTime.INSTANCE.plus(from, TEN_HOURS));
        assertEquals(TEN_HOURS, CalendarTime.INSTANCE.between(from, from.plus(TEN_HOURS)));
    }
}
