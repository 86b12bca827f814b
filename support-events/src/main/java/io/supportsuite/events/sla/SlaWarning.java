package io.supportsuite.events.sla;

import java.time.Instant;

/** {@code support.sla.warning.v1}: {@code stagePercent} of the budget is used (R4, default 50 and 80). */
public record SlaWarning(ClockRef clock, int stagePercent, Instant firedAt) {
}
