package io.supportsuite.events.sla;

import java.time.Instant;

/** {@code support.sla.clock.resumed.v1}: the clock runs again; {@code clock.deadline} is the new deadline. */
public record SlaClockResumed(ClockRef clock, Instant resumedAt) {
}
