package io.supportsuite.sla.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/** A business-hours calendar for tests only: every day from 09:00 to 17:00 UTC counts, nothing else. */
final class OfficeHours implements WorkingCalendar {

    private static final LocalTime OPEN = LocalTime.of(9, 0);
    private static final LocalTime CLOSE = LocalTime.of(17, 0);

    @Override
    public Instant plus(Instant from, Duration working) {
        Instant t = from;
        Duration left = working;
        while (true) {
            LocalDate day = t.atOffset(ZoneOffset.UTC).toLocalDate();
            Instant open = day.atTime(OPEN).toInstant(ZoneOffset.UTC);
            Instant close = day.atTime(CLOSE).toInstant(ZoneOffset.UTC);
            if (t.isBefore(open)) {
                t = open;
            }
            if (!t.isBefore(close)) {
                t = day.plusDays(1).atTime(OPEN).toInstant(ZoneOffset.UTC);
                continue;
            }
            Duration today = Duration.between(t, close);
            if (left.compareTo(today) <= 0) {
                return t.plus(left);
            }
            left = left.minus(today);
            t = day.plusDays(1).atTime(OPEN).toInstant(ZoneOffset.UTC);
        }
    }

    @Override
    public Duration between(Instant from, Instant to) {
        Duration counted = Duration.ZERO;
        for (LocalDate day = from.atOffset(ZoneOffset.UTC).toLocalDate();
                !day.atTime(OPEN).toInstant(ZoneOffset.UTC).isAfter(to); day = day.plusDays(1)) {
            Instant open = max(day.atTime(OPEN).toInstant(ZoneOffset.UTC), from);
            Instant close = min(day.atTime(CLOSE).toInstant(ZoneOffset.UTC), to);
            if (close.isAfter(open)) {
                counted = counted.plus(Duration.between(open, close));
            }
        }
        return counted;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
