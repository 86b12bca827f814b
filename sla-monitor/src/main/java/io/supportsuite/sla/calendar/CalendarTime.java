package io.supportsuite.sla.calendar;

import java.time.Duration;
import java.time.Instant;

/** Every second counts, day and night (R1's default). */
public final class CalendarTime implements WorkingCalendar {

    public static final CalendarTime INSTANCE = new CalendarTime();

    private CalendarTime() {
    }

    @Override
    public Instant plus(Instant from, Duration working) {
        if (working.isNegative()) {
            throw new IllegalArgumentException("A negative working time: " + working);
        }
        return from.plus(working);
    }

    @Override
    public Duration between(Instant from, Instant to) {
        return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }
}
