package io.supportsuite.tickets.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TicketStatusTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "new, open, true", "new, pending, true", "new, solved, true", "new, closed, false", "new, new, false",
            "open, pending, true", "open, solved, true", "open, new, false", "open, closed, false", "open, open, false",
            "pending, open, true", "pending, solved, true", "pending, new, false", "pending, closed, false",
            "solved, open, true", "solved, closed, true", "solved, pending, false", "solved, new, false",
            "closed, open, false", "closed, new, false", "closed, pending, false", "closed, solved, false" })
    void onlyTheAllowedTransitions(String from, String to, boolean allowed) {
        assertEquals(allowed, TicketStatus.parse(from).orElseThrow().canMoveTo(TicketStatus.parse(to).orElseThrow()));
    }

    @Test
    void statusNamesAreLowerCaseOnTheWire() {
        assertEquals("pending", TicketStatus.PENDING.wire());
        assertEquals(Optional.of(TicketStatus.SOLVED), TicketStatus.parse(" Solved "));
        assertEquals(Optional.empty(), TicketStatus.parse("on_hold"));
        assertEquals(Optional.empty(), TicketStatus.parse(null));
    }

    @Test
    void solvedTicketAcceptsCustomerMessagesOnlyWithinTheReopenWindow_C3() {
        Instant solved = Instant.parse("2026-01-01T10:00:00Z");
        Ticket ticket = new Ticket();
        ticket.moveTo(TicketStatus.SOLVED, solved);
        Duration window = Duration.ofDays(7);
        assertTrue(ticket.acceptsCustomerMessage(solved.plus(window), window));
        assertFalse(ticket.acceptsCustomerMessage(solved.plus(window).plusSeconds(1), window));
    }

    @Test
    void closedTicketNeverAcceptsCustomerMessagesAndPendingAlways_C3_R5() {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");
        Ticket ticket = new Ticket();
        ticket.moveTo(TicketStatus.CLOSED, now);
        assertFalse(ticket.acceptsCustomerMessage(now, Duration.ofDays(7)));
        ticket.moveTo(TicketStatus.PENDING, now);
        assertTrue(ticket.acceptsCustomerMessage(now.plus(Duration.ofDays(365)), Duration.ofDays(7)));
    }
}
