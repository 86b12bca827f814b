package io.supportsuite.gateway.email;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.supportsuite.events.Channels;
import io.supportsuite.events.common.Identity;
import io.supportsuite.events.common.ThreadRefs;
import io.supportsuite.events.inbound.MessageReceived;
import io.supportsuite.gateway.webhook.WebhookRejection;
import io.supportsuite.runtime.problem.Problem.FieldError;

/**
 * Turns the provider's inbound e-mail JSON into a {@link MessageReceived}, or refuses it naming every
 * offending field. Keys: from, to, subject, text, html, message-id, in-reply-to, references, received-at, and
 * optionally headers (the message's other headers, name to value, as inbound-mail providers pass them on: the
 * loop checks read them).
 */
public final class InboundEmailParser {

    /** The normalised message, the conversation key it is published under, its headers by lower-case name. */
    public record InboundEmail(MessageReceived message, String conversationKey, Map<String, String> headers) {

        /** The sender's address, lower-case. */
        public String sender() {
            return message.sender().value();
        }
    }

    private final JsonNode json;
    private final List<FieldError> errors = new ArrayList<>();

    private InboundEmailParser(JsonNode json) {
        this.json = json;
    }

    /** @throws WebhookRejection (422) naming each invalid field */
    public static InboundEmail parse(JsonNode json) {
        return new InboundEmailParser(json).parse();
    }

    /** C3: the thread root is the first reference, else the message replied to, else the message itself. */
    public static String conversationKey(ThreadRefs thread) {
        String root = !thread.references().isEmpty() ? thread.references().get(0)
                : thread.inReplyTo() != null ? thread.inReplyTo() : thread.messageId();
        return Channels.EMAIL + ":" + root;
    }

    private InboundEmail parse() {
        MailAddress from = sender();
        List<String> to = recipients();
        String subject = text("subject");
        String text = text("text");
        String html = text("html");
        if (isBlank(text) && isBlank(html) && !errors.stream().anyMatch(e -> e.field().equals("text") || e.field().equals("html"))) {
            errors.add(new FieldError("text", "text or html is required"));
        }
        String messageId = messageId();
        String inReplyTo = MessageIds.parseFirst(text("in-reply-to"));
        List<String> references = references();
        Instant receivedAt = receivedAt();
        Map<String, String> headers = headers();
        if (!errors.isEmpty()) {
            throw WebhookRejection.invalid(errors);
        }
        ThreadRefs thread = new ThreadRefs(messageId, inReplyTo, references, null);
        MessageReceived message = new MessageReceived(Channels.EMAIL, messageId, thread,
                new Identity("email", from.address(), null, from.displayName()), to, subject, text, html, List.of(),
                null, null, false, receivedAt);
        return new InboundEmail(message, conversationKey(thread), headers);
    }

    private MailAddress sender() {
        String from = required("from");
        if (from == null) {
            return null;
        }
        return MailAddress.parse(from).orElseGet(() -> {
            errors.add(new FieldError("from", "must be an e-mail address, as 'Name <address>' or 'address'"));
            return null;
        });
    }

    private List<String> recipients() {
        List<String> values = new ArrayList<>();
        JsonNode to = present("to");
        if (to == null) {
            return List.of();
        }
        if (to.isTextual()) {
            for (String part : to.asText().split(",")) {
                if (!part.isBlank()) {
                    values.add(part);
                }
            }
        } else if (to.isArray()) {
            to.forEach(item -> values.add(item.isTextual() ? item.asText() : null));
        } else {
            errors.add(new FieldError("to", "must be a string or an array of strings"));
            return List.of();
        }
        List<String> addresses = new ArrayList<>();
        for (String value : values) {
            MailAddress.parse(value).ifPresentOrElse(a -> addresses.add(a.address()),
                    () -> errors.add(new FieldError("to", "'" + value + "' is not an e-mail address")));
        }
        return List.copyOf(addresses);
    }

    private String messageId() {
        String value = required("message-id");
        if (value == null) {
            return null;
        }
        List<String> ids = MessageIds.parseAll(value);
        if (ids.size() != 1) {
            errors.add(new FieldError("message-id", "must be one Message-ID"));
            return null;
        }
        return ids.get(0);
    }

    private List<String> references() {
        JsonNode references = present("references");
        if (references == null) {
            return List.of();
        }
        if (references.isTextual()) {
            return MessageIds.parseAll(references.asText());
        }
        if (references.isArray()) {
            List<String> ids = new ArrayList<>();
            for (JsonNode item : references) {
                if (!item.isTextual()) {
                    errors.add(new FieldError("references", "must hold strings only"));
                    return List.of();
                }
                MessageIds.parseAll(item.asText()).stream().filter(id -> !ids.contains(id)).forEach(ids::add);
            }
            return List.copyOf(ids);
        }
        errors.add(new FieldError("references", "must be an array of Message-IDs or one space-separated string"));
        return List.of();
    }

    /** An object of header names to a string (or an array of strings, joined by commas, as repeated headers). */
    private Map<String, String> headers() {
        JsonNode headers = present("headers");
        if (headers == null) {
            return Map.of();
        }
        if (!headers.isObject()) {
            errors.add(new FieldError("headers", "must be an object of header names to values"));
            return Map.of();
        }
        Map<String, String> values = new HashMap<>();
        for (Map.Entry<String, JsonNode> header : headers.properties()) {
            JsonNode value = header.getValue();
            String text = value.isTextual() ? value.asText() : null;
            if (value.isArray()) {
                List<String> parts = new ArrayList<>();
                value.forEach(part -> parts.add(part.isTextual() ? part.asText() : null));
                text = parts.contains(null) ? null : String.join(",", parts);
            }
            if (text == null) {
                errors.add(new FieldError("headers", "'" + header.getKey() + "' must be a string or an array of strings"));
                return Map.of();
            }
            values.merge(header.getKey().trim().toLowerCase(Locale.ROOT), text, (a, b) -> a + "," + b);
        }
        return Map.copyOf(values);
    }

    private Instant receivedAt() {
        String value = required("received-at");
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException notUtc) {
            try {
                return OffsetDateTime.parse(value.trim()).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("received-at", "must be an ISO-8601 instant, e.g. 2026-01-31T09:15:00Z"));
                return null;
            }
        }
    }

    /** A non-blank string field; records the error and returns null otherwise. */
    private String required(String field) {
        JsonNode node = present(field);
        if (node == null) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        if (node.asText().isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
            return null;
        }
        return node.asText();
    }

    /** An optional string field (null when absent). */
    private String text(String field) {
        JsonNode node = present(field);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        return node.asText();
    }

    private JsonNode present(String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
