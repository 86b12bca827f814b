package io.supportsuite.tickets.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.supportsuite.runtime.problem.ProblemException;
import io.supportsuite.tickets.agent.Agent;
import io.supportsuite.tickets.api.AvailabilityRequest;
import io.supportsuite.tickets.api.RoutingView;
import io.supportsuite.tickets.api.SkillsRequest;
import io.supportsuite.tickets.routing.Availability;
import io.supportsuite.tickets.service.Problems;

/** Routing: agents say whether they take tickets; supervisors set what each agent can handle (R6, R7 priority rules are configuration). */
@Path("/api")
@Tag(name = "Routing", description = "Availability, skills and load of agents; new tickets go to the least-loaded available agent of "
        + "their team with the channel and language skill, up to a per-agent cap")
@SecurityRequirement(name = "basic")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Not logged in")
public class RoutingResource {

    private final Availability availability;

    public RoutingResource(Availability availability) {
        this.availability = availability;
    }

    @PUT
    @Path("/me/availability")
    @RolesAllowed({ Agent.AGENT, Agent.SUPERVISOR, Agent.ADMIN })
    @Operation(summary = "Be available or away", description = "An available agent is offered the waiting tickets of their teams at once.")
    @APIResponse(responseCode = "200", description = "The agent's routing")
    @APIResponse(responseCode = "422", description = "available missing")
    public Uni<RoutingView> availability(AvailabilityRequest request) {
        return availability.setMine(request == null ? null : request.available());
    }

    @GET
    @Path("/agents/{id}/routing")
    @RolesAllowed({ Agent.AGENT, Agent.SUPERVISOR, Agent.ADMIN })
    @Operation(summary = "An agent's availability, skills, load and cap")
    @APIResponse(responseCode = "404", description = "No such agent")
    public Uni<RoutingView> routing(@PathParam("id") String id) {
        UUID agentId = Problems.pathId(id);
        return availability.view(agentId).onItem().ifNull().failWith(() -> ProblemException.notFound("Agent", agentId));
    }

    @PUT
    @Path("/agents/{id}/skills")
    @RolesAllowed({ Agent.SUPERVISOR, Agent.ADMIN })
    @Operation(summary = "Set an agent's channel and language skills", description = "An empty list means any.")
    @APIResponse(responseCode = "403", description = "Not a supervisor or admin")
    @APIResponse(responseCode = "404", description = "No such agent")
    public Uni<RoutingView> skills(@PathParam("id") String id, SkillsRequest request) {
        UUID agentId = Problems.pathId(id);
        return availability.setSkills(agentId, request).onItem().ifNull().failWith(() -> ProblemException.notFound("Agent", agentId));
    }
}
