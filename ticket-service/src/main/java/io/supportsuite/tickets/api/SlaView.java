package io.supportsuite.tickets.api;

import java.time.Instant;

/**
 * A ticket's SLA standing as sla-monitor last reported it: the next deadline owed (null when no clock runs),
 * whether a clock passed the at-risk warning (R4), whether one is breached.
 */
public record SlaView(Instant deadline, boolean atRisk, boolean breached) {
}
