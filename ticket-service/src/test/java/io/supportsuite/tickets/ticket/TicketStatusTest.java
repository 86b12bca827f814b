package io.supportsuite.tickets.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TicketStatusTest {

    @Test
    void statusNamesAreLowerCaseOnTheWire() {
        assertEquals("pending", TicketStatus.PENDING.wire());
        assertEquals(Optional.of(TicketStatus.SOLVED), TicketStatus.parse(" Solved "));
        assertEquals(Optional.of(TicketStatus.ON_HOLD), TicketStatus.parse("on_hold"));
        assertEquals("on_hold", TicketStatus.ON_HOLD.wire());
        assertEquals(Optional.empty(), TicketStatus.parse("on hold"));
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
        ticket.moveTo(TicketStatus.ON_HOLD, now);
        assertTrue(ticket.acceptsCustomerMessage(now.plus(Duration.ofDays(365)), Duration.ofDays(7)));
    }
}
