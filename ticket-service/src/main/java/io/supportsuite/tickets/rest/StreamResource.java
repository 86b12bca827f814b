package io.supportsuite.tickets.rest;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.supportsuite.tickets.agent.Agent;
import io.supportsuite.tickets.agent.AgentDirectory;
import io.supportsuite.tickets.agent.CurrentAgent;
import io.supportsuite.tickets.api.TicketChange;
import io.supportsuite.tickets.live.LiveConfig;
import io.supportsuite.tickets.live.LiveFeed;
import io.supportsuite.tickets.live.Viewer;
import io.supportsuite.tickets.service.Problems;
import io.supportsuite.tickets.service.TicketViews.View;

/** The live stream of ticket changes (server-sent events) the console keeps open next to the views. */
@Path("/api/stream")
@Tag(name = "Live stream", description = "Changes to the tickets an agent looks at, as server-sent events")
@SecurityRequirement(name = "basic")
@RolesAllowed({ Agent.AGENT, Agent.SUPERVISOR, Agent.ADMIN })
public class StreamResource {

    static final String READY = "ready";
    static final String CHANGE = "change";
    private static final Duration READY_POLL = Duration.ofMillis(100);

    private final LiveFeed feed;
    private final LiveConfig config;
    private final CurrentAgent current;

    public StreamResource(LiveFeed feed, LiveConfig config, CurrentAgent current) {
        this.feed = feed;
        this.config = config;
        this.current = current;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live changes to tickets", description = "text/event-stream. First an event 'ready' (from then on no change "
            + "is missed), then one event 'change' per ticket change (created, message added, replied, note, status, assignment, "
            + "priority, tags, escalation, merge, callbacks, SLA clock and standing), its data a TicketChange: ticketId, change "
            + "(ticket.replied, sla.warning, ...), eventId, at, ticket (the summary after the change) and, with view, inView. "
            + "Only tickets the agent may see. With tickets: only those; with view: every visible change, marked in or out of "
            + "the view; with neither: every visible change. A comment line keeps an idle stream open.")
    @APIResponse(responseCode = "200", description = "The stream")
    @APIResponse(responseCode = "401", description = "Not logged in")
    @APIResponse(responseCode = "422", description = "A ticket id is not a UUID, too many tickets, or no such view")
    public Multi<OutboundSseEvent> stream(
            @Parameter(description = "Comma-separated ticket ids") @QueryParam("tickets") String tickets,
            @Parameter(description = "mine, unassigned, team, at-risk or breached") @QueryParam("view") String view,
            @Context Sse sse) {
        Set<String> ids = ticketIds(tickets);
        Optional<View> wanted = Problems.blank(view) ? Optional.empty() : View.parse(view.trim());
        Problems.validate()
                .check(ids.size() <= config.maxTickets(), "tickets", "at most " + config.maxTickets() + " tickets")
                .check(Problems.blank(view) || wanted.isPresent(), "view",
                        "one of " + Arrays.stream(View.values()).map(View::path).collect(Collectors.joining(", ")))
                .orFail();
        return viewer().onItem().transformToMulti(viewer -> {
            Multi<OutboundSseEvent> changes = feed.subscribe(viewer, ids, wanted.orElse(null))
                    .map(change -> sse.newEventBuilder().name(CHANGE).mediaType(MediaType.APPLICATION_JSON_TYPE)
                            .data(TicketChange.class, change).build());
            Multi<OutboundSseEvent> ready = Multi.createFrom().ticks().every(READY_POLL)
                    .select().where(t -> feed.ready()).select().first()
                    .map(t -> sse.newEventBuilder().name(READY).mediaType(MediaType.APPLICATION_JSON_TYPE)
                            .data(new Ready(viewer.agentId().toString(), wanted.map(View::path).orElse(null), List.copyOf(ids)))
                            .build());
            Multi<OutboundSseEvent> heartbeat = Multi.createFrom().ticks().every(config.heartbeat())
                    .map(t -> sse.newEventBuilder().comment("keep-alive").build());
            return Multi.createBy().merging().streams(ready, changes, heartbeat);
        });
    }

    /** The first event of a stream: who it is for and what it watches. */
    public record Ready(String agentId, String view, List<String> tickets) {
    }

    private Uni<Viewer> viewer() {
        return Panache.withSession(() -> current.agent().chain(agent -> AgentDirectory.teamsOf(List.of(agent.id))
                .map(teams -> new Viewer(agent.id, agent.role, teams.getOrDefault(agent.id, List.of()).stream()
                        .map(UUID::fromString).collect(Collectors.toUnmodifiableSet())))));
    }

    private static Set<String> ticketIds(String tickets) {
        Set<String> ids = new HashSet<>();
        if (!Problems.blank(tickets)) {
            for (String id : tickets.split(",")) {
                if (!id.isBlank()) {
                    ids.add(Problems.optionalId(id.trim(), "tickets").toString());
                }
            }
        }
        return ids;
    }
}
