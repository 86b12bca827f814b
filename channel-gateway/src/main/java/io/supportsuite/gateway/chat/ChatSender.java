package io.supportsuite.gateway.chat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * Replies into a live-chat session through the widget server: {@code POST <api>/sessions/<session>/messages}
 * with {@code {"id": idempotency key, "text", "kind"}} and the bearer token; the widget server dedups on
 * {@code id}, so even a resend after a crash shows once. The session is the reply's conversation id (C3).
 */
@ApplicationScoped
public class ChatSender implements ProviderSender {

    private final HttpJson http;
    private final GatewayConfig config;

    public ChatSender(HttpJson http, GatewayConfig config) {
        this.http = http;
        this.config = config;
    }

    @Override
    public List<String> channels() {
        return List.of(Channels.CHAT);
    }

    @Override
    public Uni<String> send(String idempotencyKey, MessageSend command) {
        ChannelSettings settings = config.channels().get(Channels.CHAT);
        String session = command.replyTo() == null ? null : command.replyTo().conversationId();
        if (settings.apiUrl().isEmpty() || settings.apiToken().isEmpty()) {
            return Uni.createFrom().failure(new ProviderFailure(true, "no chat widget server configured"));
        }
        if (session == null || session.isBlank()) {
            return Uni.createFrom().failure(new ProviderFailure(true, "no chat session to reply into"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", idempotencyKey);
        body.put("text", command.text() == null ? "" : command.text());
        body.put("kind", command.kind());
        return http.post(settings.apiUrl().get() + "/sessions/" + URLEncoder.encode(session, StandardCharsets.UTF_8) + "/messages",
                Map.of("Authorization", "Bearer " + settings.apiToken().get()), body)
                .map(json -> json.path("id").asText(idempotencyKey));
    }
}
