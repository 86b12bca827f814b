package io.supportsuite.tickets.sla;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;

/**
 * A ticket's SLA standing from its clocks: the deadline that matters next (the earliest of the clocks still
 * owed: running, or breached and not yet met), whether a running clock passed the at-risk warning stage (R4),
 * and whether a clock is breached.
 */
public record SlaStanding(Instant deadline, boolean atRisk, boolean breached) {

    public static final SlaStanding NONE = new SlaStanding(null, false, false);

    public static SlaStanding of(Collection<TicketClock> clocks, int atRiskPercent) {
        Instant deadline = clocks.stream()
                .filter(c -> TicketClock.RUNNING.equals(c.state) || TicketClock.BREACHED.equals(c.state))
                .map(c -> c.deadline).filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
        boolean atRisk = clocks.stream().anyMatch(c -> TicketClock.RUNNING.equals(c.state) && c.warnedPercent >= atRiskPercent);
        boolean breached = clocks.stream().anyMatch(c -> TicketClock.BREACHED.equals(c.state));
        return new SlaStanding(deadline, atRisk, breached);
    }
}
