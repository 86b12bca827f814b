package io.supportsuite.notifications.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Quiet hours: non-urgent customer messages are not sent between {@code from} and {@code until} in the
 * customer's time zone; one due inside them goes out at the next allowed time. A window may span midnight
 * (21:00–08:00) or not (12:00–13:00); equal bounds mean no quiet hours. Pure, so it is tested without a clock.
 */
public record QuietHours(LocalTime from, LocalTime until) {

    /** The first instant at or after {@code due} when a message may be sent in {@code zone}. */
    public Instant nextAllowed(Instant due, ZoneId zone) {
        if (zone == null || from.equals(until)) {
            return due;
        }
        ZonedDateTime local = due.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate date = local.toLocalDate();
        if (from.isAfter(until)) { // spans midnight
            if (!time.isBefore(from)) {
                return opening(date.plusDays(1), zone);
            }
            if (time.isBefore(until)) {
                return opening(date, zone);
            }
            return due;
        }
        return !time.isBefore(from) && time.isBefore(until) ? opening(date, zone) : due;
    }

    public boolean isQuiet(Instant at, ZoneId zone) {
        return !nextAllowed(at, zone).equals(at);
    }

    /** {@code until} on that day; in a DST gap, the first valid instant after it. */
    private Instant opening(LocalDate date, ZoneId zone) {
        return ZonedDateTime.of(date, until, zone).toInstant();
    }
}
