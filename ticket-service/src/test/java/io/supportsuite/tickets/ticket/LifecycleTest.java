package io.supportsuite.tickets.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.supportsuite.tickets.ticket.Lifecycle.Trigger;

class LifecycleTest {

    private static TicketStatus s(String wire) {
        return TicketStatus.parse(wire).orElseThrow();
    }

    @ParameterizedTest(name = "agent {0} -> {1}: {2}")
    @CsvSource({
            "new, open, true", "new, pending, true", "new, on_hold, true", "new, solved, true", "new, closed, false", "new, new, false",
            "open, pending, true", "open, on_hold, true", "open, solved, true", "open, new, false", "open, closed, false",
            "open, open, false",
            "pending, open, true", "pending, on_hold, true", "pending, solved, true", "pending, new, false",
            "pending, closed, false", "pending, pending, false",
            "on_hold, open, true", "on_hold, pending, true", "on_hold, solved, true", "on_hold, new, false",
            "on_hold, closed, false", "on_hold, on_hold, false",
            "solved, open, true", "solved, closed, true", "solved, pending, false", "solved, on_hold, false", "solved, new, false",
            "solved, solved, false",
            "closed, open, false", "closed, new, false", "closed, pending, false", "closed, on_hold, false",
            "closed, solved, false", "closed, closed, false" })
    void agentMovesOnlyAlongTheTable(String from, String to, boolean allowed) {
        assertEquals(allowed, Lifecycle.allows(s(from), s(to), Trigger.AGENT));
        assertEquals(!allowed, Lifecycle.refusal(s(from), s(to)).isPresent());
    }

    @Test
    void everyStatusHasARowAndOnlyClosedIsFinalForAgents() {
        for (TicketStatus from : TicketStatus.values()) {
            assertEquals(from == TicketStatus.CLOSED, Lifecycle.next(from, Trigger.AGENT).isEmpty(), from.wire());
            assertFalse(Lifecycle.allows(from, from, Trigger.AGENT), "no move to itself from " + from.wire());
        }
    }

    @Test
    void closedIsReachedByHandOnlyFromSolved() {
        for (TicketStatus from : TicketStatus.values()) {
            assertEquals(from == TicketStatus.SOLVED, Lifecycle.allows(from, TicketStatus.CLOSED, Trigger.AGENT), from.wire());
        }
    }

    @Test
    void refusalNamesTheTransitionAndWhatIsAllowed() {
        assertEquals(Optional.of("cannot move from new to closed (from new only to open, pending, on_hold, solved)"),
                Lifecycle.refusal(TicketStatus.NEW, TicketStatus.CLOSED));
        assertEquals(Optional.of("cannot move from closed to open (closed is final)"),
                Lifecycle.refusal(TicketStatus.CLOSED, TicketStatus.OPEN));
        assertEquals(Optional.empty(), Lifecycle.refusal(TicketStatus.SOLVED, TicketStatus.CLOSED));
    }

    @ParameterizedTest
    @EnumSource(TicketStatus.class)
    void autoCloseOnlyClosesSolvedTickets(TicketStatus from) {
        Set<TicketStatus> expected = from == TicketStatus.SOLVED ? EnumSet.of(TicketStatus.CLOSED) : EnumSet.noneOf(TicketStatus.class);
        assertEquals(expected, Lifecycle.next(from, Trigger.AUTO_CLOSE));
    }

    @ParameterizedTest
    @EnumSource(TicketStatus.class)
    void mergeClosesEveryTicketThatIsNotClosedYet(TicketStatus from) {
        assertEquals(from != TicketStatus.CLOSED, Lifecycle.allows(from, TicketStatus.CLOSED, Trigger.MERGE));
        assertEquals(from == TicketStatus.CLOSED, Lifecycle.next(from, Trigger.MERGE).isEmpty());
    }

    @ParameterizedTest(name = "customer writes on {0}: {1}")
    @CsvSource({ "new, new", "open, open", "pending, open", "on_hold, on_hold", "solved, open", "closed, closed" })
    void customerMessageOpensPendingAndSolvedTicketsOnly_R5_C3(String from, String after) {
        assertEquals(s(after), Lifecycle.onCustomerMessage(s(from)));
    }

    @Test
    void nextIsReadOnly() {
        Set<TicketStatus> next = Lifecycle.next(TicketStatus.NEW, Trigger.AGENT);
        assertTrue(next.contains(TicketStatus.OPEN));
        try {
            next.clear();
        } catch (UnsupportedOperationException expected) {
            assertTrue(Lifecycle.allows(TicketStatus.NEW, TicketStatus.OPEN, Trigger.AGENT));
            return;
        }
        throw new AssertionError("the table must not be changeable from outside");
    }
}
