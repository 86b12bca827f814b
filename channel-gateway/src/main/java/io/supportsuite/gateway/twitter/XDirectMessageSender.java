package io.supportsuite.gateway.twitter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * Replies on X as a direct message: {@code POST <api>/2/dm_conversations/with/<user id>/messages} with
 * {@code {"text"}} and the account's bearer token; the answer's {@code data.dm_event_id} is the provider id.
 * Public replies to mentions are a decision for the team, not the gateway, so they are not sent.
 */
@ApplicationScoped
public class XDirectMessageSender implements ProviderSender {

    private static final String API = "https://api.x.com";

    private final HttpJson http;
    private final GatewayConfig config;

    public XDirectMessageSender(HttpJson http, GatewayConfig config) {
        this.http = http;
        this.config = config;
    }

    @Override
    public List<String> channels() {
        return List.of(Channels.X);
    }

    @Override
    public Uni<String> send(String idempotencyKey, MessageSend command) {
        ChannelSettings settings = config.channels().get(Channels.X);
        String user = command.recipient() == null ? null : command.recipient().value();
        if (settings.apiToken().isEmpty()) {
            return Uni.createFrom().failure(new ProviderFailure(true, "no X access token configured"));
        }
        if (user == null || user.isBlank()) {
            return Uni.createFrom().failure(new ProviderFailure(true, "invalid recipient: none"));
        }
        String url = settings.apiUrl().orElse(API) + "/2/dm_conversations/with/" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "/messages";
        return http.post(url, Map.of("Authorization", "Bearer " + settings.apiToken().get()),
                Map.of("text", command.text() == null ? "" : command.text()))
                .map(json -> json.path("data").path("dm_event_id").asText());
    }
}
