package io.supportsuite.notifications.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** N1: the ETA is written in the customer's zone and never earlier than the deadline. */
class EtaFormatTest {

    private final EtaFormat eta = new EtaFormat("yyyy-MM-dd HH:mm VV", "UTC");

    @Test
    void n1DeadlineOnTheMinuteIsWrittenAsIs() {
        assertEquals("2026-11-22 17:05 UTC", eta.format(Instant.parse("2026-11-22T17:05:00Z"), "UTC"));
    }

    @Test
    void n1DeadlineIsWrittenInTheCustomersTimeZone() {
        assertEquals("2026-11-22 19:05 Europe/Riga", eta.format(Instant.parse("2026-11-22T17:05:00Z"), "Europe/Riga"));
        assertEquals("2026-07-22 20:05 Europe/Riga", eta.format(Instant.parse("2026-07-22T17:05:00Z"), "Europe/Riga"));
        assertEquals("2026-11-22 21:05 Asia/Yerevan", eta.format(Instant.parse("2026-11-22T17:05:00Z"), "Asia/Yerevan"));
    }

    @Test
    void n1DeadlineWithSecondsIsRoundedUpNeverDown() {
        assertEquals("2026-11-22 17:06 UTC", eta.format(Instant.parse("2026-11-22T17:05:00.001Z"), "UTC"));
        assertEquals("2026-11-23 00:00 UTC", eta.format(Instant.parse("2026-11-22T23:59:59Z"), "UTC"));
    }

    @Test
    void n1MissingOrUnknownZoneFallsBackToTheDefault() {
        assertEquals("2026-11-22 17:05 UTC", eta.format(Instant.parse("2026-11-22T17:05:00Z"), null));
        assertEquals("2026-11-22 17:05 UTC", eta.format(Instant.parse("2026-11-22T17:05:00Z"), " "));
        assertEquals("2026-11-22 17:05 UTC", eta.format(Instant.parse("2026-11-22T17:05:00Z"), "Mars/Olympus"));
    }
}
