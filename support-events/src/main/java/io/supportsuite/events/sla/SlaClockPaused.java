package io.supportsuite.events.sla;

import java.time.Instant;

/** {@code support.sla.clock.paused.v1}: waiting on the customer stops the clock (R5). */
public record SlaClockPaused(ClockRef clock, String reason, Instant pausedAt) {
}
