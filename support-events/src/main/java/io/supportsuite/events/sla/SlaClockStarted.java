package io.supportsuite.events.sla;

import java.time.Instant;

/** {@code support.sla.clock.started.v1}. */
public record SlaClockStarted(ClockRef clock, Instant startedAt) {
}
