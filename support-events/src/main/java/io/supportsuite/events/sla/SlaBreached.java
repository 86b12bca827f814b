package io.supportsuite.events.sla;

import java.time.Instant;

/** {@code support.sla.breached.v1}: the deadline passed with the promise unkept. */
public record SlaBreached(ClockRef clock, Instant firedAt) {
}
