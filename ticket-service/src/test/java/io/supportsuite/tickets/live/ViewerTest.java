package io.supportsuite.tickets.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.supportsuite.tickets.api.SlaView;
import io.supportsuite.tickets.api.TicketSummary;
import io.supportsuite.tickets.service.TicketViews.View;

/** Who a live change reaches and which view it is in: the same rules as the API's views, on one ticket. */
class ViewerTest {

    private static final UUID ME = UUID.randomUUID();
    private static final UUID MY_TEAM = UUID.randomUUID();
    private static final UUID OTHER_TEAM = UUID.randomUUID();
    private static final Viewer AGENT = new Viewer(ME, "agent", Set.of(MY_TEAM));

    private static TicketSummary ticket(String status, UUID assignee, UUID team, boolean atRisk, boolean breached) {
        return new TicketSummary(UUID.randomUUID().toString(), 1, "Subject", status, "normal", "email", null, Instant.EPOCH, Instant.EPOCH,
                null, new SlaView(Instant.EPOCH, atRisk, breached), assignee == null ? null : assignee.toString(),
                team == null ? null : team.toString(), List.of(), null, null);
    }

    @Test
    void anAgentSeesTheirTeamsTicketsAndTheirOwnOnly() {
        assertTrue(AGENT.maySee(ticket("open", null, MY_TEAM, false, false)));
        assertTrue(AGENT.maySee(ticket("open", ME, OTHER_TEAM, false, false)), "assigned to them in another team");
        assertFalse(AGENT.maySee(ticket("open", null, OTHER_TEAM, false, false)));
        assertFalse(AGENT.maySee(ticket("open", UUID.randomUUID(), null, false, false)));
    }

    @Test
    void supervisorsAndAdminsSeeEveryTicket() {
        TicketSummary elsewhere = ticket("open", UUID.randomUUID(), OTHER_TEAM, false, false);
        assertTrue(new Viewer(ME, "supervisor", Set.of()).maySee(elsewhere));
        assertTrue(new Viewer(ME, "admin", Set.of()).maySee(elsewhere));
    }

    @Test
    void viewsHoldLiveTicketsByTheirConditions_R4() {
        TicketSummary risky = ticket("open", ME, MY_TEAM, true, false);
        assertTrue(AGENT.inView(View.AT_RISK, risky));
        assertTrue(AGENT.inView(View.MINE, risky));
        assertTrue(AGENT.inView(View.TEAM, risky));
        assertFalse(AGENT.inView(View.UNASSIGNED, risky));
        assertFalse(AGENT.inView(View.BREACHED, risky));
        assertTrue(AGENT.inView(View.BREACHED, ticket("pending", null, null, false, true)));
        assertTrue(AGENT.inView(View.UNASSIGNED, ticket("new", null, null, false, false)));
        assertFalse(AGENT.inView(View.AT_RISK, ticket("open", ME, MY_TEAM, false, false)), "met or never warned");
    }

    @Test
    void solvedAndClosedTicketsLeaveEveryView() {
        for (String status : List.of("solved", "closed")) {
            TicketSummary done = ticket(status, ME, MY_TEAM, true, true);
            for (View view : View.values()) {
                assertFalse(AGENT.inView(view, done), status + " in " + view);
            }
        }
    }

    @Test
    void changeNamesAreEventTypesWithoutPrefixAndVersion() {
        assertEquals("ticket.replied", LiveConsumer.change("support.ticket.replied.v1"));
        assertEquals("sla.warning", LiveConsumer.change("support.sla.warning.v1"));
        assertEquals("ticket.message.added", LiveConsumer.change("support.ticket.message.added.v1"));
        assertEquals("callback.scheduled", LiveConsumer.change("support.callback.scheduled.v1"));
    }
}
