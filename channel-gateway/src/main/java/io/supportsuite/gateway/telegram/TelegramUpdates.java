package io.supportsuite.gateway.telegram;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.supportsuite.events.Channels;
import io.supportsuite.events.common.Identity;
import io.supportsuite.events.common.ThreadRefs;
import io.supportsuite.events.inbound.Attachment;
import io.supportsuite.events.inbound.MessageReceived;
import io.supportsuite.gateway.webhook.Identities;
import io.supportsuite.gateway.webhook.InboundItem;
import io.supportsuite.gateway.webhook.JsonBody;

/**
 * A Bot API {@code Update}: {@code message} and {@code edited_message} become customer messages, threaded by
 * chat (C3); every other kind of update is ignored. A message id is unique within its chat, so the dedup id is
 * {@code <chat id>:<message id>}, and an edit adds its edit time: each edit is a new message, each retry is not.
 */
public final class TelegramUpdates {

    private TelegramUpdates() {
    }

    public static List<InboundItem> read(JsonNode update) {
        JsonBody body = new JsonBody();
        body.required(update, "update_id", "update_id");
        boolean edited = JsonBody.present(update, "message") == null && JsonBody.present(update, "edited_message") != null;
        String field = edited ? "edited_message" : "message";
        JsonNode message = JsonBody.present(update, field);
        if (message == null) {
            body.check();
            return List.of(new InboundItem.Ignored("unsupported-update"));
        }
        String messageId = body.required(message, "message_id", field + ".message_id");
        JsonNode chat = body.object(message, "chat", field + ".chat");
        String chatId = chat == null ? null : body.required(chat, "id", field + ".chat.id");
        Instant sentAt = body.instant(message, edited ? "edit_date" : "date", field + (edited ? ".edit_date" : ".date"));
        JsonNode from = JsonBody.present(message, "from");
        String senderId = from == null ? null : body.required(from, "id", field + ".from.id");
        String text = body.optional(message, "text", field + ".text");
        if (text == null) {
            text = body.optional(message, "caption", field + ".caption");
        }
        body.check();
        if (from != null && from.path("is_bot").asBoolean(false)) {
            return List.of(new InboundItem.Ignored("bot-sender"));
        }
        List<Attachment> attachments = attachments(message);
        if (text == null && attachments.isEmpty()) {
            return List.of(new InboundItem.Ignored("no-content"));
        }
        String ref = chatId + ":" + messageId;
        JsonNode replied = JsonBody.present(message, "reply_to_message");
        String inReplyTo = replied == null || !replied.has("message_id") ? null : chatId + ":" + replied.get("message_id").asText();
        String providerId = edited ? ref + ":edit:" + sentAt.getEpochSecond() : ref;
        Identity sender = from != null ? Identities.social(Channels.TELEGRAM, senderId, name(from))
                : Identities.social(Channels.TELEGRAM, chatId, chat.path("title").asText(null));
        String locale = from == null ? null : from.path("language_code").asText(null);
        MessageReceived received = new MessageReceived(Channels.TELEGRAM, providerId,
                new ThreadRefs(ref, inReplyTo, List.of(), chatId), sender, List.of(), null, text, null, attachments, locale, null,
                false, sentAt);
        return List.of(new InboundItem.Message(Channels.TELEGRAM + ":" + chatId, received));
    }

    private static String name(JsonNode from) {
        String name = (from.path("first_name").asText("") + " " + from.path("last_name").asText("")).trim();
        return name.isEmpty() ? from.path("username").asText(null) : name;
    }

    /** Files stay with Telegram; the URL names the file id a getFile call resolves. */
    private static List<Attachment> attachments(JsonNode message) {
        List<Attachment> files = new ArrayList<>();
        JsonNode photos = JsonBody.present(message, "photo");
        if (photos != null && photos.isArray() && !photos.isEmpty()) {
            files.add(file(photos.get(photos.size() - 1), "photo.jpg", "image/jpeg"));
        }
        for (String kind : List.of("document", "voice", "audio", "video")) {
            JsonNode file = JsonBody.present(message, kind);
            if (file != null && file.isObject()) {
                files.add(file(file, kind, "application/octet-stream"));
            }
        }
        return List.copyOf(files);
    }

    private static Attachment file(JsonNode file, String defaultName, String defaultType) {
        return new Attachment(file.path("file_name").asText(defaultName), file.path("mime_type").asText(defaultType),
                file.path("file_size").asLong(0), "telegram:file/" + file.path("file_id").asText());
    }
}
