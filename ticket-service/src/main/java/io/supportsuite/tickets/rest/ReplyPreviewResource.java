package io.supportsuite.tickets.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.supportsuite.tickets.agent.Agent;
import io.supportsuite.tickets.api.ReplyPreview;
import io.supportsuite.tickets.api.ReplyRequest;
import io.supportsuite.tickets.service.Problems;
import io.supportsuite.tickets.service.Replies;

/** What a reply will read like, so the console shows a canned response with its placeholders filled before it is sent. */
@Path("/api/tickets/{id}/reply-preview")
@Tag(name = "Tickets")
@SecurityRequirement(name = "basic")
@RolesAllowed({ Agent.AGENT, Agent.SUPERVISOR, Agent.ADMIN })
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ReplyPreviewResource {

    private final Replies replies;

    public ReplyPreviewResource(Replies replies) {
        this.replies = replies;
    }

    @POST
    @Operation(summary = "Preview a reply", description = "The same body and cannedResponseId as a reply; answers the text with "
            + "{{customer.name}}, {{ticket.number}}, {{agent.name}} and {{agent.team}} filled (C5, N7). Stores and sends nothing.")
    @APIResponse(responseCode = "200", description = "The text")
    @APIResponse(responseCode = "401", description = "Not logged in")
    @APIResponse(responseCode = "404", description = "No such ticket")
    @APIResponse(responseCode = "422", description = "Neither body nor cannedResponseId, or no such canned response")
    public Uni<ReplyPreview> preview(@PathParam("id") String id, ReplyRequest request) {
        return replies.preview(Problems.ticketId(id), request).map(ReplyPreview::new);
    }
}
