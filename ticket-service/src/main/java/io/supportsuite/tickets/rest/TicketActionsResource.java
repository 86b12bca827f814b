package io.supportsuite.tickets.rest;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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
import io.supportsuite.tickets.agent.Agent;
import io.supportsuite.tickets.api.AssignRequest;
import io.supportsuite.tickets.api.EscalateRequest;
import io.supportsuite.tickets.api.MergeRequest;
import io.supportsuite.tickets.api.NoteRequest;
import io.supportsuite.tickets.api.PriorityRequest;
import io.supportsuite.tickets.api.TagsRequest;
import io.supportsuite.tickets.api.TicketSummary;
import io.supportsuite.tickets.service.Merges;
import io.supportsuite.tickets.service.Problems;
import io.supportsuite.tickets.service.TicketActions;

/** What an agent does on a ticket besides replying and changing its status. Each change is an event and a timeline line. */
@Path("/api/tickets/{id}")
@Tag(name = "Ticket actions", description = "Internal notes, assignment, priority, tags, escalation (C6), merge")
@SecurityRequirement(name = "basic")
@RolesAllowed({ Agent.AGENT, Agent.SUPERVISOR, Agent.ADMIN })
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Not logged in")
@APIResponse(responseCode = "404", description = "No such ticket")
public class TicketActionsResource {

    private final TicketActions actions;
    private final Merges merges;

    public TicketActionsResource(TicketActions actions, Merges merges) {
        this.actions = actions;
        this.merges = merges;
    }

    @POST
    @Path("/notes")
    @Operation(summary = "Add an internal note", description = "Never sent to the customer; announced as ticket.note.added.")
    @APIResponse(responseCode = "201", description = "{\"id\": the note's id}")
    @APIResponse(responseCode = "422", description = "text blank")
    public Uni<Response> note(@PathParam("id") String id, NoteRequest request) {
        return actions.note(Problems.ticketId(id), request == null ? null : request.text())
                .map(noteId -> Response.status(Response.Status.CREATED).entity(Map.of("id", noteId.toString())).build());
    }

    @PUT
    @Path("/assignment")
    @Operation(summary = "Assign to an agent and/or a team", description = "null unassigns; announced as ticket.assigned.")
    @APIResponse(responseCode = "200", description = "The ticket")
    @APIResponse(responseCode = "409", description = "The ticket is closed")
    @APIResponse(responseCode = "422", description = "No such agent or team")
    public Uni<TicketSummary> assign(@PathParam("id") String id, AssignRequest request) {
        return actions.assign(Problems.ticketId(id), request);
    }

    @PUT
    @Path("/priority")
    @Operation(summary = "Set the priority", description = "low, normal, high or urgent; announced as ticket.priority.changed.")
    @APIResponse(responseCode = "200", description = "The ticket")
    @APIResponse(responseCode = "409", description = "The ticket is closed")
    @APIResponse(responseCode = "422", description = "Unknown priority")
    public Uni<TicketSummary> priority(@PathParam("id") String id, PriorityRequest request) {
        return actions.priority(Problems.ticketId(id), request == null ? null : request.priority());
    }

    @PUT
    @Path("/tags")
    @Operation(summary = "Replace the tags", description = "Lower-cased, unique; announced as ticket.tags.changed.")
    @APIResponse(responseCode = "200", description = "The ticket")
    @APIResponse(responseCode = "409", description = "The ticket is closed")
    @APIResponse(responseCode = "422", description = "A tag is empty, too long or has other characters than letters, digits, - _ :")
    public Uni<TicketSummary> tags(@PathParam("id") String id, TagsRequest request) {
        return actions.tags(Problems.ticketId(id), request == null ? null : request.tags());
    }

    @POST
    @Path("/escalations")
    @Operation(summary = "Escalate to a supervisor (C6)", description = "Announced as ticket.escalated, so ops see it.")
    @APIResponse(responseCode = "200", description = "The ticket")
    @APIResponse(responseCode = "409", description = "The ticket is closed")
    @APIResponse(responseCode = "422", description = "to is not a supervisor or admin")
    public Uni<TicketSummary> escalate(@PathParam("id") String id, EscalateRequest request) {
        return actions.escalate(Problems.ticketId(id), request);
    }

    @POST
    @Path("/merge")
    @Operation(summary = "Merge this ticket into another", description = "The transcripts are combined on the other ticket; this one "
            + "is closed with mergedInto pointing there. Announced as ticket.merged and ticket.status.changed (reason merged).")
    @APIResponse(responseCode = "200", description = "The ticket merged into")
    @APIResponse(responseCode = "409", description = "One of the tickets is closed")
    @APIResponse(responseCode = "422", description = "into missing, the same ticket, or no such ticket")
    public Uni<TicketSummary> merge(@PathParam("id") String id, MergeRequest request) {
        return merges.merge(Problems.ticketId(id), request == null ? null : request.into());
    }
}
