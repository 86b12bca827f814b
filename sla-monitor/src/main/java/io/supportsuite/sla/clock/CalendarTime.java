package io.supportsuite.sla.clock;

import java.time.Duration;
import java.time.Instant;

/** Every second counts, day and night (the spine's R1 calendar). */
public final class CalendarTime implements WorkingCalendar {

    public static final CalendarTime INSTANCE = new CalendarTime();

    private CalendarTime() {
    }

    @Override
    public Instant plus(Instant from, Duration working) {
        return from.plus(working);
    }

    @Override
    public Duration between(Instant from, Instant to) {
        return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }
}
