package io.supportsuite.gateway.twitter;

import java.nio.charset.StandardCharsets;
import java.util.Map;

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
import io.supportsuite.events.Channels;
import io.supportsuite.gateway.GatewayMetrics;
import io.supportsuite.gateway.config.GatewayConfig;
import io.supportsuite.gateway.webhook.Hmac;
import io.supportsuite.gateway.webhook.JsonBody;
import io.supportsuite.gateway.webhook.WebhookFlow;
import io.supportsuite.gateway.webhook.WebhookRejection;

/**
 * X's Account Activity webhook. The CRC check ({@code GET ?crc_token=}) is answered
 * {@code {"response_token": "sha256=" + base64 HMAC-SHA256(consumer secret, crc_token)}}; each event {@code POST}
 * is signed {@value #HEADER}: {@code sha256=} + base64 HMAC-SHA256 of the body. X signs no time, so a replay
 * is stopped by dedup.
 */
@Path("/webhooks/x")
public class XWebhookResource {

    public static final String HEADER = "x-twitter-webhooks-signature";

    private final WebhookFlow flow;
    private final GatewayConfig config;
    private final ObjectMapper mapper;
    private final GatewayMetrics metrics;

    public XWebhookResource(WebhookFlow flow, GatewayConfig config, ObjectMapper mapper, GatewayMetrics metrics) {
        this.flow = flow;
        this.config = config;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response crc(@QueryParam("crc_token") String token) {
        if (token == null || token.isBlank()) {
            return flow.rejected(Channels.X, WebhookRejection.invalid("crc_token", "is required"), metrics.startWebhook());
        }
        return Response.ok(Map.of("response_token", "sha256=" + Hmac.sha256Base64(secret(), token.getBytes(StandardCharsets.UTF_8))))
                .build();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> receive(@HeaderParam(HEADER) String signature, byte[] body) {
        return flow.handle(Channels.X, body, 200, bytes -> {
            if (!Hmac.same("sha256=" + Hmac.sha256Base64(secret(), bytes), signature)) {
                throw WebhookRejection.badSignature("The " + HEADER + " header is missing or does not sign this body");
            }
            return AccountActivity.read(JsonBody.object(mapper, bytes));
        });
    }

    private String secret() {
        return config.channels().get(Channels.X).secret();
    }
}
