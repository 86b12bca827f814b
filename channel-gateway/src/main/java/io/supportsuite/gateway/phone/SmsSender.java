package io.supportsuite.gateway.phone;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.supportsuite.events.Channels;
import io.supportsuite.events.outbound.MessageSend;
import io.supportsuite.gateway.config.GatewayConfig;
import io.supportsuite.gateway.config.GatewayConfig.ChannelSettings;
import io.supportsuite.gateway.delivery.HttpJson;
import io.supportsuite.gateway.delivery.ProviderFailure;
import io.supportsuite.gateway.delivery.ProviderSender;
import io.supportsuite.gateway.webhook.Identities;

/**
 * SMS through a Twilio-style Messages API: {@code POST <api>/2010-04-01/Accounts/<sid>/Messages.json},
 * form-encoded {@code To}, {@code From}, {@code Body}, basic auth with the account SID and auth token; the
 * answer's {@code sid} is the provider id. The recipient is normalised to E.164 first (C2).
 */
@ApplicationScoped
public class SmsSender implements ProviderSender {

    private static final String API = "https://api.twilio.com";

    private final HttpJson http;
    private final GatewayConfig config;

    public SmsSender(HttpJson http, GatewayConfig config) {
        this.http = http;
        this.config = config;
    }

    @Override
    public List<String> channels() {
        return List.of(Channels.SMS);
    }

    @Override
    public Uni<String> send(String idempotencyKey, MessageSend command) {
        ChannelSettings settings = config.channels().get(Channels.SMS);
        if (settings == null || settings.accountId().isEmpty() || settings.senderId().isEmpty()) {
            return Uni.createFrom().failure(new ProviderFailure(true, "no SMS account configured"));
        }
        String to = command.recipient() == null ? null
                : Identities.e164(command.recipient().value(), config.identities().defaultRegion()).orElse(null);
        if (to == null) {
            return Uni.createFrom().failure(new ProviderFailure(true, "invalid recipient: "
                    + (command.recipient() == null ? "none" : command.recipient().value())));
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", to);
        form.put("From", settings.senderId().get());
        form.put("Body", command.text() == null ? "" : command.text());
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        String account = settings.accountId().get();
        String basic = Base64.getEncoder().encodeToString((account + ":" + settings.secret()).getBytes(StandardCharsets.UTF_8));
        return http.send(settings.apiUrl().orElse(API) + "/2010-04-01/Accounts/" + account + "/Messages.json",
                Map.of("Authorization", "Basic " + basic), "application/x-www-form-urlencoded", body)
                .map(json -> json.path("sid").asText());
    }
}
