package io.supportsuite.tickets.live;

import java.util.Set;
import java.util.UUID;

import io.supportsuite.tickets.api.TicketSummary;
import io.supportsuite.tickets.service.TicketViews.View;
import io.supportsuite.tickets.ticket.TicketStatus;
import io.supportsuite.tickets.visibility.Visibility;

/**
 * Who watches a stream: what they may see ({@link Visibility}'s rule) and which view a ticket is in for them.
 */
public record Viewer(UUID agentId, String role, Set<UUID> teams) {

    public boolean maySee(TicketSummary t) {
        return Visibility.sees(role, agentId, teams, t.assigneeId() == null ? null : UUID.fromString(t.assigneeId()),
                t.teamId() == null ? null : UUID.fromString(t.teamId()));
    }

    /** The conditions of {@link io.supportsuite.tickets.service.TicketViews}' views, on one ticket, without filters. */
    public boolean inView(View view, TicketSummary t) {
        boolean live = !TicketStatus.SOLVED.wire().equals(t.status()) && !TicketStatus.CLOSED.wire().equals(t.status());
        return live && switch (view) {
            case MINE -> agentId.toString().equals(t.assigneeId());
            case UNASSIGNED -> t.assigneeId() == null;
            case TEAM -> t.teamId() != null && teams.contains(UUID.fromString(t.teamId()));
            case AT_RISK -> t.sla() != null && t.sla().atRisk();
            case BREACHED -> t.sla() != null && t.sla().breached();
        };
    }
}
