package io.supportsuite.tickets.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.supportsuite.tickets.agent.Agent;
import io.supportsuite.tickets.api.ViewPage;
import io.supportsuite.tickets.service.TicketViews;

/** The agent console's working lists, soonest SLA deadline first. */
@Path("/api/views")
@Tag(name = "Views", description = "mine, unassigned, team, at-risk, breached: filtered, sorted by SLA deadline, keyset-paged")
@SecurityRequirement(name = "basic")
@RolesAllowed({ Agent.AGENT, Agent.SUPERVISOR, Agent.ADMIN })
@Produces(MediaType.APPLICATION_JSON)
public class ViewResource {

    private final TicketViews views;

    public ViewResource(TicketViews views) {
        this.views = views;
    }

    @GET
    @Path("/{view}")
    @Operation(summary = "A view of the live tickets", description = "Tickets that are not solved or closed (unless status asks for "
            + "them), by SLA deadline (from the SLA events received; tickets without one last), then number. Pass the answer's "
            + "next as after for the next page.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "401", description = "Not logged in")
    @APIResponse(responseCode = "404", description = "No such view")
    @APIResponse(responseCode = "422", description = "Unknown status or priority, limit out of range, or a bad cursor")
    public Uni<ViewPage> view(
            @Parameter(in = ParameterIn.PATH, schema = @Schema(enumeration = { "mine", "unassigned", "team", "at-risk", "breached" }))
            @PathParam("view") String view,
            @Parameter(description = "new, open, pending, on_hold, solved or closed") @QueryParam("status") String status,
            @Parameter(description = "email, chat, ...") @QueryParam("channel") String channel,
            @Parameter(description = "low, normal, high or urgent") @QueryParam("priority") String priority,
            @Parameter(description = "A tag the tickets carry") @QueryParam("tag") String tag,
            @Parameter(description = "Words in the subject or in one message: all of them, in any order and case, the last also as the beginning of a longer word from 3 characters (refu finds refund); an order number whole or by its number part") @QueryParam("q") String text,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The previous page's next") @QueryParam("after") String after) {
        return views.page(view, new TicketViews.Filters(status, channel, priority, tag, text, limit, after));
    }
}
