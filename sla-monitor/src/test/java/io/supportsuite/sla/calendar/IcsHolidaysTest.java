package io.supportsuite.sla.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Holidays imported from iCalendar files: a public-holiday feed as Google Calendar publishes it, and a
 * team's days off exported from Outlook (time-zone block, yearly recurrence, EXDATE, folded lines).
 */
class IcsHolidaysTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = IcsHolidaysTest.class.getResourceAsStream("/ics/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<LocalDate> dates(IcsHolidays.Import imported) {
        return imported.holidays().stream().map(IcsHolidays.Holiday::date).toList();
    }

    @Test
    void aPublicHolidayFeedGivesItsDaysOffButNotItsObservances() throws IOException {
        IcsHolidays.Import latvia = IcsHolidays.parse(resource("holidays-latvia-2026.ics"), 2026);
        assertEquals(13, latvia.holidays().size(), dates(latvia).toString());
        assertTrue(latvia.holidays().contains(new IcsHolidays.Holiday(LocalDate.parse("2026-11-18"),
                "Proclamation Day of the Republic of Latvia")));
        assertTrue(dates(latvia).contains(LocalDate.parse("2026-12-31")));
        assertTrue(!dates(latvia).contains(LocalDate.parse("2026-05-10")), "Mother's Day is an observance");
        assertTrue(!dates(latvia).contains(LocalDate.parse("2026-03-29")), "so is the DST change");
        assertEquals(2, latvia.skipped().size(), latvia.skipped().toString());
    }

    @Test
    void importedHolidaysMoveABusinessHoursDeadline() throws IOException {
        Set<LocalDate> days = new HashSet<>(dates(IcsHolidays.parse(resource("holidays-latvia-2026.ics"), 2026)));
        ZoneId riga = ZoneId.of("Europe/Riga");
        BusinessHours latvia = new BusinessHours(riga, WeeklyHours.parse("MON-FRI 09:00-17:00"), days);
        // Monday 22 June 13:00: 4 h on Monday, Midsummer Eve and Day off, 6 h on Thursday.
        assertEquals(LocalDateTime.parse("2026-06-25T15:00").atZone(riga).toInstant(),
                latvia.plus(LocalDateTime.parse("2026-06-22T13:00").atZone(riga).toInstant(), Duration.ofHours(10)));
    }

    @Test
    void anOutlookExportWithRecurrencesExceptionsAndFoldedLines() throws IOException {
        IcsHolidays.Import team = IcsHolidays.parse(resource("team-days-off-outlook.ics"), 2027);
        assertEquals(List.of("2025-01-01", "2025-05-04", "2026-01-01", "2026-06-01", "2026-06-02", "2026-12-21",
                "2026-12-22", "2026-12-23", "2027-01-01", "2027-05-04"),
                dates(team).stream().map(LocalDate::toString).toList(),
                "yearly New Year through 2027, 4 May except 2026, a 3-day retreat (DTEND exclusive), a 2-day DURATION");
        assertEquals("New Year's Day", team.holidays().get(0).name());
        assertEquals("Team retreat (offline); phones forwarded", team.holidays().get(5).name());
        assertEquals(3, team.skipped().size(), team.skipped().toString());
        assertTrue(team.skipped().stream().anyMatch(s -> s.startsWith("All-hands meeting: a timed event")));
        assertTrue(team.skipped().stream().anyMatch(s -> s.startsWith("Cancelled bridge day: cancelled")));
        assertTrue(team.skipped().stream().anyMatch(s -> s.startsWith("Mother's Day: unsupported recurrence")));
    }

    @Test
    void aLeapDayRecursOnlyInLeapYears() {
        String ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20240229\r\nRRULE:FREQ=YEARLY\r\n"
                + "SUMMARY:Leap day\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        assertEquals(List.of(LocalDate.parse("2024-02-29"), LocalDate.parse("2028-02-29")), dates(IcsHolidays.parse(ics, 2030)));
    }

    @Test
    void textThatIsNotICalendarIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> IcsHolidays.parse("hello", 2026));
        assertThrows(IllegalArgumentException.class, () -> IcsHolidays.parse(
                "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:2026-13-01\nEND:VEVENT\nEND:VCALENDAR", 2026));
    }
}
