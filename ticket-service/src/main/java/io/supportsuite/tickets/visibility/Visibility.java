package io.supportsuite.tickets.visibility;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.supportsuite.tickets.agent.Agent;
import io.supportsuite.tickets.service.Problems;
import io.supportsuite.tickets.ticket.Ticket;

/**
 * Who sees which ticket: supervisors and admins all of them; an agent the tickets of their teams and those assigned to
 * them. Another's ticket answers 404 like a missing one (nothing tells it exists), and nothing is changed.
 */
@ApplicationScoped
public class Visibility {

    /** Whether the agent sees every ticket. */
    public static boolean seesAll(Agent agent) {
        return seesAll(agent.role);
    }

    /** Whether someone with this role sees every ticket: everyone but a plain agent. */
    public static boolean seesAll(String role) {
        return !Agent.AGENT.equals(role);
    }

    /** The rule on one ticket already in hand (the live stream's): all, or assigned to the agent, or in one of their teams. */
    public static boolean sees(String role, UUID agentId, Collection<UUID> teams, UUID assigneeId, UUID teamId) {
        return seesAll(role) || agentId.equals(assigneeId) || (teamId != null && teams.contains(teamId));
    }

    /** The SQL condition on a ticket aliased {@code t} that limits a list to what the agent sees; binds {@code :me} unless it is TRUE. */
    public static String condition(Agent agent) {
        return seesAll(agent) ? "TRUE"
                : "(t.assignee_id = :me OR t.team_id IN (SELECT vt.team_id FROM agent_team vt WHERE vt.agent_id = :me))";
    }

    /** The agent's team ids (a placeholder id when none, so the list can go into an IN clause); in the caller's session. */
    public static Uni<List<UUID>> teamsOf(Agent agent) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT team_id FROM agent_team WHERE agent_id = :me", UUID.class)
                .setParameter("me", agent.id).getResultList())
                .map(teams -> teams.isEmpty() ? List.of(new UUID(0, 0)) : teams);
    }

    /** The ticket when the agent may see it; otherwise (or when it is null) fails with 404 for {@code id}. In the caller's session. */
    public Uni<Ticket> require(Agent agent, Ticket ticket, UUID id) {
        if (ticket == null) {
            return Uni.createFrom().failure(Problems.ticketNotFound(id));
        }
        if (seesAll(agent) || agent.id.equals(ticket.assigneeId)) {
            return Uni.createFrom().item(ticket);
        }
        if (ticket.teamId == null) {
            return Uni.createFrom().failure(Problems.ticketNotFound(id));
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT count(*) FROM agent_team WHERE agent_id = :me AND team_id = :team",
                Long.class).setParameter("me", agent.id).setParameter("team", ticket.teamId).getSingleResult())
                .map(n -> {
                    if (n == 0) {
                        throw Problems.ticketNotFound(id);
                    }
                    return ticket;
                });
    }
}
