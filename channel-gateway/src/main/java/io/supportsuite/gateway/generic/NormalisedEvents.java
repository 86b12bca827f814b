package io.supportsuite.gateway.generic;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.supportsuite.events.Channels;
import io.supportsuite.events.common.Identity;
import io.supportsuite.events.common.ThreadRefs;
import io.supportsuite.events.inbound.MessageReceived;
import io.supportsuite.gateway.email.MailAddress;
import io.supportsuite.gateway.webhook.Identities;
import io.supportsuite.gateway.webhook.InboundItem;
import io.supportsuite.gateway.webhook.JsonBody;
import io.supportsuite.gateway.webhook.WebhookRejection;

/**
 * A custom integration posts {@code message.received} itself. It is still checked and normalised: the channel
 * is always {@code generic} (a custom integration cannot speak for a channel with its own authenticity check),
 * the sender's identity is normalised (C2), and a rating, when given, is 1–5 and marks R7 negativity here.
 */
public final class NormalisedEvents {

    private static final List<String> KINDS = List.of(Identities.EMAIL, Identities.PHONE, Identities.SOCIAL,
            Identities.CHAT_VISITOR, Identities.ANONYMOUS);

    private NormalisedEvents() {
    }

    public static List<InboundItem> read(ObjectMapper mapper, JsonNode json, String defaultRegion, int negativeAtOrBelow) {
        JsonBody body = new JsonBody();
        String channel = body.optional(json, "channel", "channel");
        if (channel != null && !Channels.GENERIC.equals(channel)) {
            body.error("channel", "must be generic (or left out)");
        }
        body.required(json, "providerMessageId", "providerMessageId");
        body.instant(json, "receivedAt", "receivedAt");
        JsonNode sender = body.object(json, "sender", "sender");
        String kind = sender == null ? null : body.required(sender, "kind", "sender.kind");
        if (kind != null && !KINDS.contains(kind)) {
            body.error("sender.kind", "must be one of " + KINDS);
        }
        if (JsonBody.present(json, "text") == null && JsonBody.present(json, "html") == null) {
            body.error("text", "text or html is required");
        }
        body.check();
        MessageReceived given;
        try {
            given = mapper.treeToValue(json, MessageReceived.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> a + "." + b).orElse("body");
            throw WebhookRejection.invalid(field, e.getOriginalMessage());
        } catch (Exception e) {
            throw WebhookRejection.malformed(e.getMessage());
        }
        if (given.rating() != null && (given.rating() < 1 || given.rating() > 5)) {
            throw WebhookRejection.invalid("rating", "must be from 1 to 5");
        }
        Identity identity = identity(given.sender(), defaultRegion);
        ThreadRefs thread = given.thread() == null ? new ThreadRefs(given.providerMessageId(), null, List.of(), null) : given.thread();
        boolean negative = given.negative() || (given.rating() != null && given.rating() <= negativeAtOrBelow);
        MessageReceived message = new MessageReceived(Channels.GENERIC, given.providerMessageId(), thread, identity,
                given.recipients() == null ? List.of() : given.recipients(), given.subject(), given.text(), given.html(),
                given.attachments() == null ? List.of() : given.attachments(), given.localeHint(), given.rating(), negative,
                given.receivedAt());
        String conversation = thread.conversationId() != null ? thread.conversationId() : given.providerMessageId();
        return List.of(new InboundItem.Message(Channels.GENERIC + ":" + conversation, message));
    }

    private static Identity identity(Identity sender, String defaultRegion) {
        String value = sender.value() == null ? null : sender.value().trim();
        switch (sender.kind()) {
            case Identities.ANONYMOUS:
                return Identities.anonymous(sender.displayName());
            case Identities.EMAIL:
                Optional<MailAddress> address = MailAddress.parse(value);
                return Identities.email(address.orElseThrow(() -> WebhookRejection.invalid("sender.value", "must be an e-mail address"))
                        .address(), sender.displayName());
            case Identities.PHONE:
                String e164 = Identities.e164(value, defaultRegion)
                        .orElseThrow(() -> WebhookRejection.invalid("sender.value", "must be a phone number"));
                return Identities.phone(e164, sender.network(), sender.displayName());
            default:
                if (value == null || value.isEmpty()) {
                    throw WebhookRejection.invalid("sender.value", "is required");
                }
                if (Identities.SOCIAL.equals(sender.kind()) && (sender.network() == null || sender.network().isBlank())) {
                    throw WebhookRejection.invalid("sender.network", "is required for a social identity");
                }
                return Identities.SOCIAL.equals(sender.kind()) ? Identities.social(sender.network().trim().toLowerCase(), value,
                        sender.displayName()) : Identities.chatVisitor(value, sender.displayName());
        }
    }
}
