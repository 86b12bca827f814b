package io.supportsuite.gateway.meta;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.supportsuite.events.Channels;
import io.supportsuite.events.outbound.MessageSend;
import io.supportsuite.gateway.config.GatewayConfig;
import io.supportsuite.gateway.config.GatewayConfig.ChannelSettings;
import io.supportsuite.gateway.delivery.HttpJson;
import io.supportsuite.gateway.delivery.ProviderFailure;
import io.supportsuite.gateway.delivery.ProviderSender;

/**
 * Meta's send APIs. Messenger and Instagram: {@code POST <graph>/me/messages} with {@code recipient.id} (the
 * PSID / IGSID), {@code messaging_type=RESPONSE} and {@code message.text}; the answer's {@code message_id} is the
 * provider id. WhatsApp: {@code POST <graph>/<phone number id>/messages} with {@code messaging_product=whatsapp},
 * {@code to}, {@code text.body} and, for a reply, {@code context.message_id} (C3); the id is {@code messages[0].id}.
 * Both authenticate with {@code Authorization: Bearer <access token>}.
 */
@ApplicationScoped
public class MetaSender implements ProviderSender {

    private static final String GRAPH = "https://graph.facebook.com/v19.0";

    private final HttpJson http;
    private final GatewayConfig config;

    public MetaSender(HttpJson http, GatewayConfig config) {
        this.http = http;
        this.config = config;
    }

    @Override
    public List<String> channels() {
        return List.of(Channels.FACEBOOK, Channels.INSTAGRAM, Channels.WHATSAPP);
    }

    @Override
    public Uni<String> send(String idempotencyKey, MessageSend command) {
        ChannelSettings settings = config.channels().get(MetaWebhookResource.CHANNEL);
        String recipient = command.recipient() == null ? null : command.recipient().value();
        if (settings.apiToken().isEmpty()) {
            return Uni.createFrom().failure(new ProviderFailure(true, "no access token configured"));
        }
        if (recipient == null || recipient.isBlank()) {
            return Uni.createFrom().failure(new ProviderFailure(true, "invalid recipient: none"));
        }
        String base = settings.apiUrl().orElse(GRAPH);
        Map<String, String> auth = Map.of("Authorization", "Bearer " + settings.apiToken().get());
        String text = command.text() == null ? "" : command.text();
        if (!Channels.WHATSAPP.equals(command.channel())) {
            Map<String, Object> body = Map.of("recipient", Map.of("id", recipient), "messaging_type", "RESPONSE",
                    "message", Map.of("text", text));
            return http.post(base + "/me/messages", auth, body).map(json -> json.path("message_id").asText());
        }
        if (settings.accountId().isEmpty()) {
            return Uni.createFrom().failure(new ProviderFailure(true, "no WhatsApp phone number id configured"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        body.put("to", recipient.startsWith("+") ? recipient.substring(1) : recipient);
        body.put("type", "text");
        body.put("text", Map.of("body", text));
        String replyTo = command.replyTo() == null ? null : command.replyTo().inReplyTo();
        if (replyTo != null && replyTo.startsWith("wamid.")) {
            body.put("context", Map.of("message_id", replyTo));
        }
        return http.post(base + "/" + settings.accountId().get() + "/messages", auth, body)
                .map(json -> json.path("messages").path(0).path("id").asText());
    }
}
