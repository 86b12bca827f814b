package io.supportsuite.sla.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Weekly hours as operators write them: day ranges, split shifts, shifts over midnight. */
class WeeklyHoursTest {

    @Test
    void dayRangesAndSplitShiftsBecomeOneShiftPerDayAndRange() {
        WeeklyHours hours = WeeklyHours.parse("MON-FRI 09:00-12:00 13:00-17:00; SAT 10:00-14:00");
        assertEquals(11, hours.shifts().size());
        assertEquals(List.of(new Shift(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new Shift(DayOfWeek.MONDAY, LocalTime.of(13, 0), LocalTime.of(17, 0))), hours.startingOn(DayOfWeek.MONDAY));
    }

    @Test
    void aShiftEndingAtOrBeforeItsStartCrossesMidnight() {
        assertTrue(WeeklyHours.parse("FRI 22:00-06:00").shifts().get(0).crossesMidnight());
        assertTrue(WeeklyHours.parse("FRI 00:00-24:00").shifts().get(0).crossesMidnight(), "the whole day");
        assertEquals(false, WeeklyHours.parse("FRI 09:00-17:00").shifts().get(0).crossesMidnight());
    }

    @Test
    void aDayRangeMayWrapOverTheWeekend() {
        assertEquals("SAT 10:00-14:00; SUN 10:00-14:00; MON 10:00-14:00".length(),
                WeeklyHours.parse("SAT-MON 10:00-14:00").toString().length());
        assertEquals(3, WeeklyHours.parse("sat-mon 10:00-14:00").shifts().size());
    }

    @Test
    void theTextFormRoundTrips() {
        WeeklyHours hours = WeeklyHours.parse("mon-tue 9:00-12:00 13:00-17:00;FRI 22:00-24:00");
        assertEquals("MON 09:00-12:00; MON 13:00-17:00; TUE 09:00-12:00; TUE 13:00-17:00; FRI 22:00-24:00", hours.toString());
        assertEquals(hours, WeeklyHours.parse(hours.toString()));
    }

    @Test
    void malformedHoursAreRejectedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> WeeklyHours.parse(""));
        assertThrows(IllegalArgumentException.class, () -> WeeklyHours.parse("MON"));
        assertThrows(IllegalArgumentException.class, () -> WeeklyHours.parse("XYZ 09:00-17:00"));
        assertThrows(IllegalArgumentException.class, () -> WeeklyHours.parse("MON 9-17"));
        assertThrows(IllegalArgumentException.class, () -> WeeklyHours.parse("MON 09:00-25:00"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WeeklyHours.parse("MON 09:00"));
        assertTrue(e.getMessage().contains("09:00"), e.getMessage());
    }
}
