package io.supportsuite.sla.calendar;

import java.time.Duration;
import java.time.Instant;

/**
 * How a clock counts time (R1): {@link CalendarTime} counts every second, {@link BusinessHours} only the
 * working hours of a time zone. Every deadline and stage is computed through these two operations.
 */
public interface WorkingCalendar {

    /**
     * The instant at which {@code working} time has been counted from {@code from} on: {@code from} itself
     * for zero, otherwise always inside (or at the end of) counted time.
     *
     * @throws IllegalArgumentException for a negative duration
     */
    Instant plus(Instant from, Duration working);

    /** The time counted between two instants; zero when {@code to} is not after {@code from}. */
    Duration between(Instant from, Instant to);
}
