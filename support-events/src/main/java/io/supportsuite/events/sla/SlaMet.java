package io.supportsuite.events.sla;

import java.time.Instant;

/** {@code support.sla.met.v1}: the promise was kept before the deadline. */
public record SlaMet(ClockRef clock, Instant metAt) {
}
