package io.supportsuite.gateway.phone;

import java.time.Clock;
import java.time.Instant;
import java.util.TreeMap;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.smallrye.mutiny.Uni;
import io.supportsuite.events.Channels;
import io.supportsuite.gateway.config.GatewayConfig;
import io.supportsuite.gateway.config.GatewayConfig.ChannelSettings;
import io.supportsuite.gateway.webhook.Replay;
import io.supportsuite.gateway.webhook.WebhookFlow;

/**
 * Call-status callbacks of a Twilio-style voice provider (form-encoded, {@link TwilioForm#HEADER} signed).
 * The signed {@code Timestamp} parameter, when present, must be within the replay window (401 otherwise).
 */
@Path("/webhooks/voice")
public class VoiceWebhookResource {

    private final WebhookFlow flow;
    private final GatewayConfig config;
    private final Clock clock;

    public VoiceWebhookResource(WebhookFlow flow, GatewayConfig config, Clock clock) {
        this.flow = flow;
        this.config = config;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> receive(@HeaderParam(TwilioForm.HEADER) String signature, @Context UriInfo uri, byte[] body) {
        ChannelSettings settings = config.channels().get(Channels.VOICE);
        String url = settings.publicUrl().map(base -> base + (uri.getRequestUri().getRawQuery() == null ? ""
                : "?" + uri.getRequestUri().getRawQuery())).orElse(uri.getRequestUri().toString());
        return flow.handle(Channels.VOICE, body, 200, bytes -> {
            TreeMap<String, String> params = TwilioForm.parse(bytes);
            TwilioForm.verify(settings.secret(), url, params, signature);
            Instant now = clock.instant();
            Instant stamped = CallStatusCallback.timestamp(params);
            if (stamped != null) {
                Replay.check(stamped, now, config.webhook().maxAge());
            }
            return CallStatusCallback.read(params, now, config.identities().defaultRegion());
        });
    }
}
