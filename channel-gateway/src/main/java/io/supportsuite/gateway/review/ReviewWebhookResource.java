package io.supportsuite.gateway.review;

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

/** Reviews from review platforms (through the suite's review connector), signed with a timestamp. */
@Path("/webhooks/review")
public class ReviewWebhookResource {

    private final WebhookFlow flow;
    private final GatewayConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ReviewWebhookResource(WebhookFlow flow, GatewayConfig config, ObjectMapper mapper, Clock clock) {
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
        return flow.handle(Channels.REVIEW, body, 202, bytes -> {
            TimestampedSignature.verify(config.channels().get(Channels.REVIEW).secret(), timestamp, signature, bytes,
                    clock.instant(), config.webhook().maxAge());
            return Reviews.read(JsonBody.object(mapper, bytes), config.reviews().negativeAtOrBelow());
        });
    }
}
