package io.supportsuite.tickets.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.supportsuite.tickets.agent.Agent;
import io.supportsuite.tickets.api.ReplyRequest;
import io.supportsuite.tickets.api.StatusChangeRequest;
import io.supportsuite.tickets.api.TicketDetail;
import io.supportsuite.tickets.api.TicketPage;
import io.supportsuite.tickets.api.TicketSummary;
import io.supportsuite.tickets.api.TranscriptEntry;
import io.supportsuite.tickets.service.Problems;
import io.supportsuite.tickets.service.Replies;
import io.supportsuite.tickets.service.StatusChanges;
import io.supportsuite.tickets.service.TicketQueries;

/** The agent console's ticket API. Errors are application/problem+json; bad input changes nothing. */
@Path("/api/tickets")
@Tag(name = "Tickets", description = "The queue, transcripts, agent replies and status changes")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basic")
@RolesAllowed({ Agent.AGENT, Agent.SUPERVISOR, Agent.ADMIN })
@APIResponse(responseCode = "401", description = "Not logged in")
public class TicketResource {

    private final TicketQueries queries;
    private final Replies replies;
    private final StatusChanges statusChanges;

    public TicketResource(TicketQueries queries, Replies replies, StatusChanges statusChanges) {
        this.queries = queries;
        this.replies = replies;
        this.statusChanges = statusChanges;
    }

    @GET
    @Operation(summary = "The queue, newest first", description = "Keyset-paged: pass the answer's nextBefore as before for the next page.")
    @APIResponse(responseCode = "200", description = "One page of tickets")
    @APIResponse(responseCode = "422", description = "Unknown status, or limit out of range")
    public Uni<TicketPage> list(
            @Parameter(description = "new, open, pending, solved or closed") @QueryParam("status") String status,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "Only tickets numbered below this (the previous page's nextBefore)") @QueryParam("before") String before) {
        return queries.list(status, limit, before);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One ticket with its transcript", description = "Messages in the order they were stored (C7).")
    @APIResponse(responseCode = "200", description = "The ticket")
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "404", description = "No such ticket")
    public Uni<TicketDetail> get(@PathParam("id") String id) {
        var ticketId = Problems.ticketId(id);
        return queries.detail(ticketId).onItem().ifNull().failWith(() -> Problems.ticketNotFound(ticketId));
    }

    @POST
    @Path("/{id}/replies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reply to the customer", description = "Stores the reply, announces ticket.replied (the first is the "
            + "first response, R1) and asks the gateway to send it (message.send). A new ticket becomes open.")
    @APIResponse(responseCode = "201", description = "The stored reply",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TranscriptEntry.class)))
    @APIResponse(responseCode = "404", description = "No such ticket")
    @APIResponse(responseCode = "409", description = "The ticket is closed")
    @APIResponse(responseCode = "422", description = "body, agentId or agentName missing, or body over 64 KiB")
    public Uni<Response> reply(@PathParam("id") String id, ReplyRequest request) {
        var ticketId = Problems.ticketId(id);
        return replies.reply(ticketId, request)
                .map(message -> Response.status(Response.Status.CREATED).entity(TicketQueries.entry(message)).build());
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
    @Operation(summary = "Change the status", description = "Allowed: new→open/pending/solved, open→pending/solved, "
            + "pending→open/solved, solved→open/closed. Pending pauses the SLA clocks (R5).")
    @APIResponse(responseCode = "200", description = "The ticket after the change")
    @APIResponse(responseCode = "404", description = "No such ticket")
    @APIResponse(responseCode = "409", description = "The transition is not allowed (type invalid-transition)")
    @APIResponse(responseCode = "422", description = "Missing or unknown status")
    public Uni<TicketSummary> changeStatus(@PathParam("id") String id, StatusChangeRequest request,
            @Parameter(description = "The acting agent, recorded on the event") @HeaderParam("X-Agent-Id") String agentId) {
        return statusChanges.change(Problems.ticketId(id), request, agentId);
    }
}
