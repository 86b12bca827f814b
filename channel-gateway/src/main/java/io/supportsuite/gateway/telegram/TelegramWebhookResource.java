package io.supportsuite.gateway.telegram;

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
import io.supportsuite.gateway.webhook.Hmac;
import io.supportsuite.gateway.webhook.JsonBody;
import io.supportsuite.gateway.webhook.WebhookFlow;
import io.supportsuite.gateway.webhook.WebhookRejection;

/**
 * Telegram's webhook (setWebhook with {@code secret_token}): every request carries the secret token in
 * {@value #HEADER}. The Bot API signs nothing with a time, so a replay is stopped by dedup, not by age.
 * Answered 200: Telegram retries anything else.
 */
@Path("/webhooks/telegram")
public class TelegramWebhookResource {

    public static final String HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final WebhookFlow flow;
    private final GatewayConfig config;
    private final ObjectMapper mapper;

    public TelegramWebhookResource(WebhookFlow flow, GatewayConfig config, ObjectMapper mapper) {
        this.flow = flow;
        this.config = config;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> receive(@HeaderParam(HEADER) String token, byte[] body) {
        return flow.handle(Channels.TELEGRAM, body, 200, bytes -> {
            if (!Hmac.same(config.channels().get(Channels.TELEGRAM).secret(), token)) {
                throw WebhookRejection.badSignature("The " + HEADER + " header is missing or wrong");
            }
            return TelegramUpdates.read(JsonBody.object(mapper, bytes));
        });
    }
}
