package io.supportsuite.gateway.chat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.supportsuite.events.Channels;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.common.Identity;
import io.supportsuite.events.common.ThreadRefs;
import io.supportsuite.events.contact.CallbackRequested;
import io.supportsuite.events.contact.ContactAbandoned;
import io.supportsuite.events.contact.ContactAnswered;
import io.supportsuite.events.contact.ContactOffered;
import io.supportsuite.events.inbound.MessageReceived;
import io.supportsuite.gateway.email.MailAddress;
import io.supportsuite.gateway.webhook.Identities;
import io.supportsuite.gateway.webhook.InboundItem;
import io.supportsuite.gateway.webhook.JsonBody;

/**
 * One live-chat widget event: {@code chat.requested} offers the contact (the three-ring clock starts, R2),
 * {@code chat.accepted} answers it, {@code chat.abandoned} abandons it, {@code chat.callback_requested} asks for
 * a callback (R3), {@code chat.message} from the visitor is a customer message threaded by session (C3), and
 * {@code chat.ended} or an agent's own message is ignored. Dedup on the widget's event {@code id}.
 */
public final class ChatWidgetEvents {

    private ChatWidgetEvents() {
    }

    public static List<InboundItem> read(JsonNode event) {
        JsonBody body = new JsonBody();
        String type = body.required(event, "event", "event");
        String id = body.required(event, "id", "id");
        String session = body.required(event, "sessionId", "sessionId");
        Instant at = body.instant(event, "at", "at");
        Identity visitor = visitor(body, JsonBody.present(event, "visitor"));
        String text = "chat.message".equals(type) ? body.required(event, "text", "text") : null;
        if (type != null && !List.of("chat.requested", "chat.accepted", "chat.message", "chat.ended", "chat.abandoned",
                "chat.callback_requested").contains(type)) {
            body.error("event", "must be chat.requested, chat.accepted, chat.message, chat.ended, chat.abandoned or chat.callback_requested");
        }
        body.check();
        String contactId = Channels.CHAT + ":" + session;
        return List.of(switch (type) {
            case "chat.requested" -> contact(id, contactId, EventTypes.CONTACT_OFFERED,
                    new ContactOffered(contactId, Channels.CHAT, visitor, event.path("queue").asText(null), at));
            case "chat.accepted" -> contact(id, contactId, EventTypes.CONTACT_ANSWERED,
                    new ContactAnswered(contactId, Channels.CHAT, event.path("agentId").asText(null), at));
            case "chat.abandoned" -> contact(id, contactId, EventTypes.CONTACT_ABANDONED,
                    new ContactAbandoned(contactId, Channels.CHAT, visitor, at));
            case "chat.callback_requested" -> contact(id, contactId, EventTypes.CALLBACK_REQUESTED,
                    new CallbackRequested(contactId, Channels.CHAT, visitor, at, preferredAt(event)));
            case "chat.message" -> "agent".equals(event.path("from").asText("visitor")) ? new InboundItem.Ignored("agent-message")
                    : new InboundItem.Message(contactId, new MessageReceived(Channels.CHAT, id,
                            new ThreadRefs(id, null, List.of(), session), visitor, List.of(), null, text, null, List.of(),
                            event.path("locale").asText(null), null, false, at));
            default -> new InboundItem.Ignored("chat-ended");
        });
    }

    /** The visitor's e-mail when the widget knows it (so the chat joins the customer's history, C2), else the visitor id. */
    private static Identity visitor(JsonBody body, JsonNode visitor) {
        if (visitor == null) {
            return null;
        }
        String name = visitor.path("name").asText(null);
        String email = body.optional(visitor, "email", "visitor.email");
        if (email != null && !email.isBlank()) {
            Optional<MailAddress> address = MailAddress.parse(email);
            if (address.isEmpty()) {
                body.error("visitor.email", "must be an e-mail address");
                return null;
            }
            return Identities.email(address.get().address(), name);
        }
        String id = body.required(visitor, "id", "visitor.id");
        return id == null ? null : Identities.chatVisitor(id, name);
    }

    private static Instant preferredAt(JsonNode event) {
        String value = event.path("preferredAt").asText(null);
        if (value == null) {
            return null;
        }
        JsonBody body = new JsonBody();
        Instant at = body.instant(value, "preferredAt");
        body.check();
        return at;
    }

    private static InboundItem contact(String id, String contactId, String type, Object event) {
        return new InboundItem.Contact(Channels.CHAT, id, contactId, type, event);
    }
}
