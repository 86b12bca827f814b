package io.supportsuite.sla.live;

import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
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

import io.smallrye.mutiny.Multi;
import io.supportsuite.sla.config.OpsConfig;
import io.supportsuite.sla.rest.Roles;

/**
 * The live stream ops watch (R4, N8): warnings and breaches as they fire, and the starts, pauses, resumes
 * and met promises that change the at-risk list. {@code text/event-stream}; the event name is the type, the
 * data a {@link LiveEvent}. It opens with a {@code ready} event carrying the server's time, so a browser
 * can count down against the server's clock, and sends a comment when idle.
 */
@Path("/api/sla/stream")
@RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
public class LiveResource {

    /** The first event of every stream. */
    public record Ready(java.time.Instant serverTime) {
    }

    private final LiveFeed feed;
    private final OpsConfig config;
    private final Clock clock;

    public LiveResource(LiveFeed feed, OpsConfig config, Clock clock) {
        this.feed = feed;
        this.config = config;
        this.clock = clock;
    }

    /** {@code types}: a comma-separated subset of started, paused, resumed, warning, breached, met (default all). */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@QueryParam("types") String types, @Context Sse sse) {
        Set<String> wanted = types == null || types.isBlank() ? Set.of()
                : Arrays.stream(types.split(",")).map(String::trim).collect(Collectors.toSet());
        Multi<OutboundSseEvent> events = feed.events()
                .onOverflow().buffer(config.clientBuffer())
                .filter(e -> wanted.isEmpty() || wanted.contains(e.type()))
                .map(e -> sse.newEventBuilder().name(e.type()).id(e.id()).mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(LiveEvent.class, e).build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(config.heartbeat())
                .map(tick -> sse.newEventBuilder().comment("still here").build());
        OutboundSseEvent ready = sse.newEventBuilder().name("ready").mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(Ready.class, new Ready(clock.instant())).build();
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(ready),
                Multi.createBy().merging().streams(events, heartbeats));
    }
}
