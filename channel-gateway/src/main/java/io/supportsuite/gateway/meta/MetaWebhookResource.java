package io.supportsuite.gateway.meta;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.supportsuite.gateway.GatewayMetrics;
import io.supportsuite.gateway.config.GatewayConfig;
import io.supportsuite.gateway.config.GatewayConfig.ChannelSettings;
import io.supportsuite.gateway.webhook.Hmac;
import io.supportsuite.gateway.webhook.JsonBody;
import io.supportsuite.gateway.webhook.WebhookFlow;
import io.supportsuite.gateway.webhook.WebhookRejection;

/**
 * One webhook for Messenger, Instagram and WhatsApp, as Meta's apps subscribe it: the {@code GET}
 * subscription check answers {@code hub.challenge} when {@code hub.verify_token} matches; each {@code POST}
 * is signed {@value #HEADER}: {@code sha256=} + hex HMAC-SHA256 of the body under the app secret. Meta signs
 * no time and retries for hours, so a replay is stopped by dedup, not by age. Answered 200, as Meta expects.
 */
@Path("/webhooks/meta")
public class MetaWebhookResource {

    public static final String HEADER = "X-Hub-Signature-256";
    static final String CHANNEL = "meta";

    private final WebhookFlow flow;
    private final GatewayConfig config;
    private final ObjectMapper mapper;
    private final GatewayMetrics metrics;

    public MetaWebhookResource(WebhookFlow flow, GatewayConfig config, ObjectMapper mapper, GatewayMetrics metrics) {
        this.flow = flow;
        this.config = config;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response verify(@QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
            @QueryParam("hub.challenge") String challenge) {
        if (!"subscribe".equals(mode) || challenge == null
                || !Hmac.same(settings().verifyToken().orElse(null), token)) {
            return flow.rejected(CHANNEL, WebhookRejection.badVerifyToken(), metrics.startWebhook());
        }
        return Response.ok(challenge, MediaType.TEXT_PLAIN).build();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> receive(@HeaderParam(HEADER) String signature, byte[] body) {
        return flow.handle(CHANNEL, body, 200, bytes -> {
            if (!Hmac.same("sha256=" + Hmac.sha256Hex(settings().secret(), bytes), signature)) {
                throw WebhookRejection.badSignature("The " + HEADER + " header is missing or does not sign this body");
            }
            return MetaEnvelopes.read(JsonBody.object(mapper, bytes), config.identities().defaultRegion());
        });
    }

    private ChannelSettings settings() {
        return config.channels().get(CHANNEL);
    }
}
