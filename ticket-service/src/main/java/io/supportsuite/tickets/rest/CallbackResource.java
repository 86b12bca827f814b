package io.supportsuite.tickets.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.supportsuite.tickets.agent.Agent;
import io.supportsuite.tickets.api.CallbackRequest;
import io.supportsuite.tickets.api.CallbackView;
import io.supportsuite.tickets.callback.Callbacks;
import io.supportsuite.tickets.service.Problems;

/** Callbacks (R3): made from a missed pickup or a customer's request; the owner completes or reschedules them. */
@Path("/api")
@Tag(name = "Callbacks", description = "R3: one responsible agent and a due time; announced as callback.scheduled / callback.completed")
@SecurityRequirement(name = "basic")
@RolesAllowed({ Agent.AGENT, Agent.SUPERVISOR, Agent.ADMIN })
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Not logged in")
public class CallbackResource {

    private final Callbacks callbacks;

    public CallbackResource(Callbacks callbacks) {
        this.callbacks = callbacks;
    }

    @GET
    @Path("/callbacks")
    @Operation(summary = "An agent's callbacks, soonest due first", description = "Scheduled ones unless status=all; an agent sees only their own.")
    @APIResponse(responseCode = "403", description = "An agent asked for another's callbacks")
    public Uni<List<CallbackView>> ofAgent(@Parameter(description = "The owner; default the logged-in agent") @QueryParam("owner") String owner,
            @Parameter(description = "scheduled (default) or all") @QueryParam("status") String status) {
        return callbacks.ofAgent(Problems.optionalId(owner, "owner"), "all".equals(status));
    }

    @POST
    @Path("/callbacks/{id}/completion")
    @Operation(summary = "Complete a callback", description = "Announced as callback.completed; optional outcome.")
    @APIResponse(responseCode = "404", description = "No such callback")
    @APIResponse(responseCode = "409", description = "Completed before")
    public Uni<CallbackView> complete(@PathParam("id") String id, CallbackRequest request) {
        return callbacks.complete(Problems.pathId(id), request);
    }

    @PUT
    @Path("/callbacks/{id}/due")
    @Operation(summary = "Reschedule a callback", description = "A new due time in the future (and optionally a new owner); announced as "
            + "callback.scheduled again.")
    @APIResponse(responseCode = "404", description = "No such callback")
    @APIResponse(responseCode = "409", description = "Completed before")
    @APIResponse(responseCode = "422", description = "dueAt missing, unreadable or past; no such owner")
    public Uni<CallbackView> reschedule(@PathParam("id") String id, CallbackRequest request) {
        return callbacks.reschedule(Problems.pathId(id), request);
    }

    /** A ticket's callbacks; a class of its own, as JAX-RS matches the longest literal path of a resource class first. */
    @Path("/api/tickets/{id}/callbacks")
    @Tag(name = "Callbacks")
    @SecurityRequirement(name = "basic")
    @RolesAllowed({ Agent.AGENT, Agent.SUPERVISOR, Agent.ADMIN })
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "401", description = "Not logged in")
    public static class OfTicket {

        private final Callbacks callbacks;

        public OfTicket(Callbacks callbacks) {
            this.callbacks = callbacks;
        }

        @GET
        @Operation(summary = "A ticket's callbacks, oldest first")
        @APIResponse(responseCode = "404", description = "No such ticket (or not one of the agent's teams)")
        public Uni<List<CallbackView>> ofTicket(@PathParam("id") String id) {
            return callbacks.ofTicket(Problems.ticketId(id));
        }
    }
}
