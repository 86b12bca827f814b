package io.supportsuite.tickets.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class SlaStandingTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    private static TicketClock clock(String kind, String state, Instant deadline, int warned) {
        TicketClock c = new TicketClock();
        c.ticketId = UUID.randomUUID();
        c.kind = kind;
        c.state = state;
        c.deadline = deadline;
        c.warnedPercent = warned;
        return c;
    }

    @Test
    void noClocksNoStanding() {
        assertEquals(SlaStanding.NONE, SlaStanding.of(List.of(), 80));
    }

    @Test
    void nextDeadlineIsTheEarliestOfTheClocksStillOwed() {
        SlaStanding standing = SlaStanding.of(List.of(
                clock("first_response", TicketClock.RUNNING, T.plusSeconds(600), 0),
                clock("resolution", TicketClock.RUNNING, T.plusSeconds(60), 0),
                clock("pickup", TicketClock.MET, T.minusSeconds(60), 0)), 80);
        assertEquals(T.plusSeconds(60), standing.deadline());
    }

    @Test
    void pausedAndMetClocksOweNothing_R5() {
        SlaStanding standing = SlaStanding.of(List.of(
                clock("first_response", TicketClock.PAUSED, T, 80),
                clock("pickup", TicketClock.MET, T, 80)), 80);
        assertEquals(SlaStanding.NONE, standing);
    }

    @Test
    void atRiskFromTheConfiguredWarningStage_R4() {
        assertEquals(false, SlaStanding.of(List.of(clock("first_response", TicketClock.RUNNING, T, 50)), 80).atRisk());
        assertEquals(true, SlaStanding.of(List.of(clock("first_response", TicketClock.RUNNING, T, 80)), 80).atRisk());
        assertEquals(true, SlaStanding.of(List.of(clock("first_response", TicketClock.RUNNING, T, 50)), 50).atRisk());
    }

    @Test
    void breachedClockStaysOwedAndIsNotAtRisk_R1() {
        SlaStanding standing = SlaStanding.of(List.of(clock("first_response", TicketClock.BREACHED, T, 80)), 80);
        assertEquals(new SlaStanding(T, false, true), standing);
    }
}
