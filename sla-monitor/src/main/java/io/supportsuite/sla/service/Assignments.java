package io.supportsuite.sla.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.ticket.TicketAssigned;
import io.supportsuite.sla.clock.SlaClock;

/**
 * Who a ticket's promises are on until someone answers (M1: compliance per agent): its assignee. The
 * latest assignment by event time wins, so a late {@code ticket.assigned} does not undo a newer one; a
 * clock started later on the ticket takes the assignee over (V10's trigger).
 */
@ApplicationScoped
public class Assignments {

    private final ClockService clocks;

    public Assignments(ClockService clocks) {
        this.clocks = clocks;
    }

    public Uni<Tally> assigned(TicketAssigned assignment, Instant eventTime) {
        Instant at = clocks.at(assignment.assignedAt(), eventTime);
        return Panache.getSession().chain(session -> session.createNativeQuery("INSERT INTO ticket_assignee "
                + "(ticket_id, agent_id, agent_name, assigned_at) VALUES (:ticket, :agent, :name, :at) "
                + "ON CONFLICT (ticket_id) DO UPDATE SET agent_id = EXCLUDED.agent_id, agent_name = EXCLUDED.agent_name, "
                + "assigned_at = EXCLUDED.assigned_at WHERE EXCLUDED.assigned_at >= ticket_assignee.assigned_at")
                .setParameter("ticket", assignment.ticketId()).setParameter("agent", assignment.assigneeId())
                .setParameter("name", assignment.assigneeName()).setParameter("at", at).executeUpdate())
                .chain(newest -> newest == 0 ? ClockService.none() : SlaClock.update("agentId = ?1, agentName = ?2 "
                        + "where ticketId = ?3 and state <> ?4 and kind in ?5", assignment.assigneeId(),
                        assignment.assigneeName(), assignment.ticketId(), SlaClock.STOPPED, ClockService.PAUSABLE)
                        .replaceWith(Tally.NONE));
    }
}
