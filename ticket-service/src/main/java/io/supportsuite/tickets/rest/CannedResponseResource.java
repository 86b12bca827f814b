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
import io.supportsuite.tickets.api.CannedResponseView;
import io.supportsuite.tickets.canned.CannedResponses;
import io.supportsuite.tickets.service.Problems;

/** Canned responses (C5): every agent reads and uses them; supervisors and admins write them. */
@Path("/api/canned-responses")
@Tag(name = "Canned responses", description = "Scripts with placeholders {{customer.name}}, {{ticket.number}}, {{agent.name}}, "
        + "{{agent.team}}; use one in a reply with cannedResponseId")
@SecurityRequirement(name = "basic")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Not logged in")
@APIResponse(responseCode = "403", description = "The role does not allow it")
public class CannedResponseResource {

    private final CannedResponses canned;

    public CannedResponseResource(CannedResponses canned) {
        this.canned = canned;
    }

    @GET
    @RolesAllowed({ Agent.AGENT, Agent.SUPERVISOR, Agent.ADMIN })
    @Operation(summary = "All canned responses, by title")
    public Uni<List<CannedResponseView>> list() {
        return canned.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Agent.AGENT, Agent.SUPERVISOR, Agent.ADMIN })
    @Operation(summary = "One canned response")
    @APIResponse(responseCode = "404", description = "No such canned response")
    public Uni<CannedResponseView> get(@PathParam("id") String id) {
        UUID cannedId = Problems.pathId(id);
        return canned.get(cannedId).onItem().ifNull().failWith(() -> ProblemException.notFound("Canned response", cannedId));
    }

    @POST
    @RolesAllowed({ Agent.SUPERVISOR, Agent.ADMIN })
    @Operation(summary = "Create a canned response")
    @APIResponse(responseCode = "201", description = "The canned response")
    @APIResponse(responseCode = "422", description = "title or body blank, or no such team")
    public Uni<Response> create(CannedResponseView request) {
        return canned.save(null, request).map(c -> Response.status(Response.Status.CREATED).entity(c).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Agent.SUPERVISOR, Agent.ADMIN })
    @Operation(summary = "Update a canned response")
    @APIResponse(responseCode = "404", description = "No such canned response")
    public Uni<CannedResponseView> update(@PathParam("id") String id, CannedResponseView request) {
        UUID cannedId = Problems.pathId(id);
        return canned.save(cannedId, request).onItem().ifNull().failWith(() -> ProblemException.notFound("Canned response", cannedId));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Agent.SUPERVISOR, Agent.ADMIN })
    @Operation(summary = "Delete a canned response")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such canned response")
    public Uni<Response> delete(@PathParam("id") String id) {
        UUID cannedId = Problems.pathId(id);
        return canned.delete(cannedId).map(found -> {
            if (!found) {
                throw ProblemException.notFound("Canned response", cannedId);
            }
            return Response.noContent().build();
        });
    }

}
