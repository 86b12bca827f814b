package io.supportsuite.gateway.meta;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
 * Meta's webhook envelope, {@code {"object", "entry": [...]}}: Messenger ({@code object=page}) and Instagram
 * ({@code object=instagram}) carry {@code entry[].messaging[]}, WhatsApp ({@code whatsapp_business_account})
 * carries {@code entry[].changes[].value.messages[]}. Each customer message is one item, deduplicated by
 * Meta's message id ({@code mid} / {@code wamid}); echoes of the page's own messages, delivery and read
 * receipts and WhatsApp statuses are ignored.
 */
public final class MetaEnvelopes {

    private final JsonBody body = new JsonBody();
    private final String defaultRegion;
    private final List<InboundItem> items = new ArrayList<>();

    private MetaEnvelopes(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    public static List<InboundItem> read(JsonNode envelope, String defaultRegion) {
        return new MetaEnvelopes(defaultRegion).read(envelope);
    }

    private List<InboundItem> read(JsonNode envelope) {
        String object = body.required(envelope, "object", "object");
        String channel = object == null ? null : switch (object) {
            case "page" -> Channels.FACEBOOK;
            case "instagram" -> Channels.INSTAGRAM;
            case "whatsapp_business_account" -> Channels.WHATSAPP;
            default -> null;
        };
        if (object != null && channel == null) {
            body.error("object", "must be page, instagram or whatsapp_business_account");
        }
        List<JsonNode> entries = body.array(envelope, "entry", "entry", true);
        for (int i = 0; i < entries.size() && channel != null; i++) {
            String path = "entry[" + i + "]";
            if (Channels.WHATSAPP.equals(channel)) {
                List<JsonNode> changes = body.array(entries.get(i), "changes", path + ".changes", true);
                for (int j = 0; j < changes.size(); j++) {
                    whatsapp(changes.get(j), path + ".changes[" + j + "]");
                }
            } else {
                List<JsonNode> events = body.array(entries.get(i), "messaging", path + ".messaging", true);
                for (int j = 0; j < events.size(); j++) {
                    messaging(channel, events.get(j), path + ".messaging[" + j + "]");
                }
            }
        }
        body.check();
        return items.isEmpty() ? List.of(new InboundItem.Ignored("no-messages")) : List.copyOf(items);
    }

    /** One Messenger / Instagram event: a message from a person, or something to ignore. */
    private void messaging(String channel, JsonNode event, String path) {
        JsonNode sender = body.object(event, "sender", path + ".sender");
        String senderId = sender == null ? null : body.required(sender, "id", path + ".sender.id");
        Instant sentAt = body.instant(event, "timestamp", path + ".timestamp");
        JsonNode message = JsonBody.present(event, "message");
        if (message == null) {
            items.add(new InboundItem.Ignored("not-a-message"));
            return;
        }
        String mid = body.required(message, "mid", path + ".message.mid");
        if (message.path("is_echo").asBoolean(false)) {
            items.add(new InboundItem.Ignored("echo"));
            return;
        }
        String text = body.optional(message, "text", path + ".message.text");
        if (body.hasErrors()) {
            return;
        }
        List<Attachment> attachments = new ArrayList<>();
        for (JsonNode attachment : message.path("attachments")) {
            String type = attachment.path("type").asText("file");
            attachments.add(new Attachment(type, contentType(type), 0, attachment.path("payload").path("url").asText(null)));
        }
        String inReplyTo = message.path("reply_to").path("mid").asText(null);
        MessageReceived received = new MessageReceived(channel, mid, new ThreadRefs(mid, inReplyTo, List.of(), senderId),
                Identities.social(channel, senderId, null), List.of(), null, text, null, List.copyOf(attachments), null, null,
                false, sentAt);
        items.add(new InboundItem.Message(channel + ":" + senderId, received));
    }

    /** One WhatsApp change: its messages (statuses and other fields are ignored). */
    private void whatsapp(JsonNode change, String path) {
        JsonNode value = JsonBody.present(change, "value");
        if (!"messages".equals(change.path("field").asText()) || value == null) {
            items.add(new InboundItem.Ignored("not-a-message"));
            return;
        }
        List<JsonNode> messages = body.array(value, "messages", path + ".value.messages", false);
        if (messages.isEmpty()) {
            items.add(new InboundItem.Ignored("status"));
        }
        for (int k = 0; k < messages.size(); k++) {
            whatsappMessage(value, messages.get(k), path + ".value.messages[" + k + "]");
        }
    }

    private void whatsappMessage(JsonNode value, JsonNode message, String path) {
        String from = body.required(message, "from", path + ".from");
        String id = body.required(message, "id", path + ".id");
        Instant sentAt = body.instant(message, "timestamp", path + ".timestamp");
        Optional<String> phone = from == null ? Optional.empty() : Identities.e164("+" + from, defaultRegion);
        if (from != null && phone.isEmpty()) {
            body.error(path + ".from", "must be a phone number with its country code");
        }
        if (body.hasErrors()) {
            return;
        }
        String type = message.path("type").asText("text");
        String text = "text".equals(type) ? message.path("text").path("body").asText(null)
                : message.path(type).path("caption").asText(null);
        List<Attachment> attachments = new ArrayList<>();
        JsonNode media = message.path(type);
        if (!"text".equals(type) && media.has("id")) {
            attachments.add(new Attachment(media.path("filename").asText(type), media.path("mime_type").asText(contentType(type)), 0,
                    "whatsapp:media/" + media.path("id").asText()));
        }
        Identity sender = Identities.phone(phone.get(), Channels.WHATSAPP, name(value, from));
        String inReplyTo = message.path("context").path("id").asText(null);
        MessageReceived received = new MessageReceived(Channels.WHATSAPP, id, new ThreadRefs(id, inReplyTo, List.of(), phone.get()),
                sender, List.of(), null, text, null, List.copyOf(attachments), null, null, false, sentAt);
        items.add(new InboundItem.Message(Channels.WHATSAPP + ":" + phone.get(), received));
    }

    private static String name(JsonNode value, String waId) {
        for (JsonNode contact : value.path("contacts")) {
            if (waId.equals(contact.path("wa_id").asText())) {
                return contact.path("profile").path("name").asText(null);
            }
        }
        return null;
    }

    private static String contentType(String type) {
        return switch (type) {
            case "image" -> "image/*";
            case "audio", "voice" -> "audio/*";
            case "video" -> "video/*";
            default -> "application/octet-stream";
        };
    }
}
