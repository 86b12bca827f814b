package io.supportsuite.gateway.telegram;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.supportsuite.events.Channels;
import io.supportsuite.events.outbound.MessageSend;
import io.supportsuite.gateway.config.GatewayConfig;
import io.supportsuite.gateway.delivery.HttpJson;
import io.supportsuite.gateway.delivery.ProviderFailure;
import io.supportsuite.gateway.delivery.ProviderSender;

/**
 * Bot API {@code sendMessage}: {@code POST <api>/bot<token>/sendMessage} with {@code chat_id}, {@code text} and,
 * for a reply, {@code reply_parameters.message_id} (C3); the answer's {@code result.message_id} is the provider id.
 * The recipient is the chat id (the customer's Telegram id in a private chat).
 */
@ApplicationScoped
public class TelegramSender implements ProviderSender {

    private final HttpJson http;
    private final GatewayConfig config;

    public TelegramSender(HttpJson http, GatewayConfig config) {
        this.http = http;
        this.config = config;
    }

    @Override
    public List<String> channels() {
        return List.of(Channels.TELEGRAM);
    }

    @Override
    public Uni<String> send(String idempotencyKey, MessageSend command) {
        GatewayConfig.ChannelSettings settings = config.channels().get(Channels.TELEGRAM);
        if (settings.apiToken().isEmpty()) {
            return Uni.createFrom().failure(new ProviderFailure(true, "no bot token configured"));
        }
        String chatId = command.recipient() == null ? null : command.recipient().value();
        if (chatId == null || !chatId.matches("-?\\d+")) {
            return Uni.createFrom().failure(new ProviderFailure(true, "invalid recipient: " + chatId));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", Long.parseLong(chatId));
        body.put("text", command.text() == null ? "" : command.text());
        String replyTo = command.replyTo() == null ? null : command.replyTo().inReplyTo();
        if (replyTo != null && replyTo.startsWith(chatId + ":")) {
            body.put("reply_parameters", Map.of("message_id", Long.parseLong(replyTo.substring(chatId.length() + 1).split(":")[0]),
                    "allow_sending_without_reply", true));
        }
        String url = settings.apiUrl().orElse("https://api.telegram.org") + "/bot" + settings.apiToken().get() + "/sendMessage";
        return http.post(url, Map.of(), body).map(json -> {
            if (!json.path("ok").asBoolean(false)) {
                throw new ProviderFailure(true, json.path("description").asText("not ok"));
            }
            return chatId + ":" + json.path("result").path("message_id").asText();
        });
    }
}
