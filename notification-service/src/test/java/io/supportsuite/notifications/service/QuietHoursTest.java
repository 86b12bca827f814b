package io.supportsuite.notifications.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.supportsuite.notifications.schedule.QuietHours;

/** Quiet hours: nothing non-urgent between 21:00 and 08:00 in the customer's zone; it goes out at 08:00. */
class QuietHoursTest {

    private final QuietHours quiet = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource({
            // due (UTC)              zone              next allowed (UTC)
            "2026-11-22T12:00:00Z, UTC,              2026-11-22T12:00:00Z", // daytime: as due
            "2026-11-22T20:59:59Z, UTC,              2026-11-22T20:59:59Z", // last second before quiet
            "2026-11-22T21:00:00Z, UTC,              2026-11-23T08:00:00Z", // quiet starts: tomorrow 08:00
            "2026-11-22T23:30:00Z, UTC,              2026-11-23T08:00:00Z",
            "2026-11-23T03:00:00Z, UTC,              2026-11-23T08:00:00Z", // after midnight: same day 08:00
            "2026-11-23T08:00:00Z, UTC,              2026-11-23T08:00:00Z", // quiet ends exactly at 08:00
            "2026-11-22T18:30:00Z, Asia/Yerevan,     2026-11-23T04:00:00Z", // 22:30 in Yerevan (UTC+4) -> 08:00 local
            "2026-11-22T18:30:00Z, Europe/Riga,      2026-11-22T18:30:00Z", // 20:30 in Riga: still allowed
            "2026-11-22T19:30:00Z, Europe/Riga,      2026-11-23T06:00:00Z", // 21:30 in Riga (EET) -> 08:00 EET
            "2026-11-22T10:00:00Z, America/New_York, 2026-11-22T13:00:00Z", // 05:00 in New York -> 08:00 EST
            "2027-03-28T00:30:00Z, Europe/Riga,      2027-03-28T05:00:00Z", // DST night: 08:00 is already EEST (UTC+3)
            "2027-10-30T20:00:00Z, Europe/Athens,    2027-10-31T06:00:00Z", // 23:00 EEST; 08:00 next day is EET (UTC+2)
    })
    void quietHoursMoveANonUrgentMessageToTheNextAllowedTime(String due, String zone, String expected) {
        assertEquals(Instant.parse(expected), quiet.nextAllowed(Instant.parse(due), ZoneId.of(zone)));
    }

    @Test
    void quietHoursWithoutAKnownZoneDoNotHoldAMessage() {
        Instant night = Instant.parse("2026-11-22T23:00:00Z");
        assertEquals(night, quiet.nextAllowed(night, null));
    }

    @Test
    void quietHoursWithinOneDayWork() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0));
        assertEquals(Instant.parse("2026-11-22T13:00:00Z"), lunch.nextAllowed(Instant.parse("2026-11-22T12:10:00Z"), ZoneId.of("UTC")));
        assertEquals(Instant.parse("2026-11-22T13:00:00Z"), lunch.nextAllowed(Instant.parse("2026-11-22T13:00:00Z"), ZoneId.of("UTC")));
    }

    @Test
    void quietHoursEqualBoundsMeanNone() {
        QuietHours none = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
        assertFalse(none.isQuiet(Instant.parse("2026-11-22T23:00:00Z"), ZoneId.of("UTC")));
        assertTrue(quiet.isQuiet(Instant.parse("2026-11-22T23:00:00Z"), ZoneId.of("UTC")));
    }
}
