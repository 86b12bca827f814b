package io.supportsuite.notifications.rest;

import java.time.Instant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.supportsuite.notifications.agent.AgentContact;
import io.supportsuite.runtime.problem.ProblemException;

/** Where an agent's notices go (R3, R4): the agent as ticket-service last announced them; 404 when never announced. */
@Path("/api/agents/{agentId}")
@Produces(MediaType.APPLICATION_JSON)
public class AgentContactResource {

    /** {@code mailbox}: the address notices are mailed to; null sends them to the agent sink. */
    public record AgentContactView(String agentId, String name, String email, boolean active, Instant changedAt,
            String mailbox) {
    }

    @GET
    @WithSession
    public Uni<AgentContactView> agent(@PathParam("agentId") String agentId) {
        return AgentContact.<AgentContact>findById(agentId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Agent", agentId))
                .map(a -> new AgentContactView(a.agentId, a.name, a.email, a.active, a.changedAt, a.mailbox()));
    }
}
