package io.supportsuite.tickets.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.supportsuite.runtime.problem.ProblemException;
import io.supportsuite.tickets.agent.Agent;
import io.supportsuite.tickets.agent.AgentDirectory;
import io.supportsuite.tickets.api.AgentRequest;
import io.supportsuite.tickets.api.AgentView;
import io.supportsuite.tickets.api.TeamView;
import io.supportsuite.tickets.service.Problems;

/** Agents and teams. Everyone logged in reads them; supervisors and admins change them (only admins touch admins). */
@Path("/api")
@Tag(name = "Agents and teams", description = "Who logs in, with which role (agent, supervisor, admin), in which teams")
@SecurityRequirement(name = "basic")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Not logged in")
@APIResponse(responseCode = "403", description = "The role does not allow it")
public class AgentResource {

    private final AgentDirectory directory;

    public AgentResource(AgentDirectory directory) {
        this.directory = directory;
    }

    @GET
    @Path("/me")
    @RolesAllowed({ Agent.AGENT, Agent.SUPERVISOR, Agent.ADMIN })
    @Operation(summary = "The logged-in agent")
    public Uni<AgentView> me() {
        return directory.me();
    }

    @GET
    @Path("/agents")
    @RolesAllowed({ Agent.AGENT, Agent.SUPERVISOR, Agent.ADMIN })
    @Operation(summary = "All agents")
    public Uni<List<AgentView>> agents() {
        return directory.agents();
    }

    @GET
    @Path("/agents/{id}")
    @RolesAllowed({ Agent.AGENT, Agent.SUPERVISOR, Agent.ADMIN })
    @Operation(summary = "One agent")
    @APIResponse(responseCode = "404", description = "No such agent")
    public Uni<AgentView> agent(@PathParam("id") String id) {
        UUID agentId = Problems.pathId(id);
        return directory.agent(agentId).onItem().ifNull().failWith(() -> ProblemException.notFound("Agent", agentId));
    }

    @POST
    @Path("/agents")
    @RolesAllowed({ Agent.SUPERVISOR, Agent.ADMIN })
    @Operation(summary = "Create an agent", description = "Password at least 8 characters, stored as a bcrypt hash.")
    @APIResponse(responseCode = "201", description = "The agent")
    @APIResponse(responseCode = "409", description = "The username is taken")
    @APIResponse(responseCode = "422", description = "A field is missing or invalid")
    public Uni<Response> create(AgentRequest request) {
        return directory.create(request).map(a -> Response.status(Response.Status.CREATED).entity(a).build());
    }

    @PUT
    @Path("/agents/{id}")
    @RolesAllowed({ Agent.SUPERVISOR, Agent.ADMIN })
    @Operation(summary = "Update an agent", description = "A blank password keeps the old one; the username stays.")
    @APIResponse(responseCode = "404", description = "No such agent")
    public Uni<AgentView> update(@PathParam("id") String id, AgentRequest request) {
        UUID agentId = Problems.pathId(id);
        return directory.update(agentId, request).onItem().ifNull().failWith(() -> ProblemException.notFound("Agent", agentId));
    }

    @DELETE
    @Path("/agents/{id}")
    @RolesAllowed({ Agent.SUPERVISOR, Agent.ADMIN })
    @Operation(summary = "Delete an agent", description = "Their tickets become unassigned.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such agent")
    public Uni<Response> delete(@PathParam("id") String id) {
        UUID agentId = Problems.pathId(id);
        return directory.delete(agentId).map(found -> {
            if (!found) {
                throw ProblemException.notFound("Agent", agentId);
            }
            return Response.noContent().build();
        });
    }

    @GET
    @Path("/teams")
    @RolesAllowed({ Agent.AGENT, Agent.SUPERVISOR, Agent.ADMIN })
    @Operation(summary = "All teams")
    public Uni<List<TeamView>> teams() {
        return directory.teams();
    }

    @POST
    @Path("/teams")
    @RolesAllowed({ Agent.SUPERVISOR, Agent.ADMIN })
    @Operation(summary = "Create a team")
    @APIResponse(responseCode = "201", description = "The team")
    @APIResponse(responseCode = "409", description = "The name is taken")
    public Uni<Response> createTeam(TeamView request) {
        return directory.saveTeam(null, request == null ? null : request.name())
                .map(t -> Response.status(Response.Status.CREATED).entity(t).build());
    }

    @PUT
    @Path("/teams/{id}")
    @RolesAllowed({ Agent.SUPERVISOR, Agent.ADMIN })
    @Operation(summary = "Rename a team")
    @APIResponse(responseCode = "404", description = "No such team")
    public Uni<TeamView> updateTeam(@PathParam("id") String id, TeamView request) {
        UUID teamId = Problems.pathId(id);
        return directory.saveTeam(teamId, request == null ? null : request.name()).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Team", teamId));
    }

    @DELETE
    @Path("/teams/{id}")
    @RolesAllowed({ Agent.SUPERVISOR, Agent.ADMIN })
    @Operation(summary = "Delete a team", description = "Its tickets and canned responses lose the team; its agents stay.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> deleteTeam(@PathParam("id") String id) {
        UUID teamId = Problems.pathId(id);
        return directory.deleteTeam(teamId).map(found -> {
            if (!found) {
                throw ProblemException.notFound("Team", teamId);
            }
            return Response.noContent().build();
        });
    }

}
