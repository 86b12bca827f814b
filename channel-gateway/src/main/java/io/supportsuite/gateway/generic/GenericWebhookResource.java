package io.supportsuite.gateway.generic;

import java.time.Clock;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.supportsuite.events.Channels;
import io.supportsuite.gateway.config.GatewayConfig;
import io.supportsuite.gateway.webhook.JsonBody;
import io.supportsuite.gateway.webhook.TimestampedSignature;
import io.supportsuite.gateway.webhook.WebhookFlow;

/** Custom integrations post the normalised {@code message.received} itself, signed with a timestamp. */
@Path("/webhooks/generic")
public class GenericWebhookResource {

    private final WebhookFlow flow;
    private final GatewayConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;

    public GenericWebhookResource(WebhookFlow flow, GatewayConfig config, ObjectMapper mapper, Clock clock) {
        this.flow = flow;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> receive(@HeaderParam(TimestampedSignature.SIGNATURE_HEADER) String signature,
            @HeaderParam(TimestampedSignature.TIMESTAMP_HEADER) String timestamp, byte[] body) {
        return flow.handle(Channels.GENERIC, body, 202, bytes -> {
            TimestampedSignature.verify(config.channels().get(Channels.GENERIC).secret(), timestamp, signature, bytes,
                    clock.instant(), config.webhook().maxAge());
            return NormalisedEvents.read(mapper, JsonBody.object(mapper, bytes), config.identities().defaultRegion(),
                    config.reviews().negativeAtOrBelow());
        });
    }
}
