package io.supportsuite.sla.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * How a clock counts time (R1): calendar time in the spine; a business-hours calendar (time zone, weekly
 * hours, holidays) is another implementation. {@link ClockSchedule} computes every deadline and stage
 * through these two operations only.
 */
public interface WorkingCalendar {

    /** The instant at which {@code working} time has been counted from {@code from} on. */
    Instant plus(Instant from, Duration working);

    /** The time counted between two instants; zero when {@code to} is not after {@code from}. */
    Duration between(Instant from, Instant to);
}
