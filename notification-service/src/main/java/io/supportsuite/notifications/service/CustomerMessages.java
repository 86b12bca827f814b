package io.supportsuite.notifications.service;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.supportsuite.events.Channels;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.common.Identity;
import io.supportsuite.events.common.ThreadRefs;
import io.supportsuite.events.outbound.MessageSend;
import io.supportsuite.notifications.config.NotificationsConfig;
import io.supportsuite.notifications.notification.Notification;
import io.supportsuite.notifications.notification.NotificationKind;
import io.supportsuite.notifications.ticket.TicketContact;
import io.supportsuite.runtime.outbox.Outbox;

/**
 * The one way a customer message leaves: rendered in the customer's language (N9), signed by the ticket's
 * agent and team (N7), with an unsubscribe link when it is not transactional (N6), threaded under the
 * customer's mail (C3), and written as a notification row plus its {@code message.send} outbox record in the
 * caller's transaction — the unique dedup key makes it go out once.
 */
@ApplicationScoped
public class CustomerMessages {

    private final Outbox outbox;
    private final CustomerTemplates templates;
    private final Consents consents;
    private final String messageIdDomain;
    private final Clock clock;

    public CustomerMessages(Outbox outbox, CustomerTemplates templates, Consents consents, NotificationsConfig config,
            Clock clock) {
        this.outbox = outbox;
        this.templates = templates;
        this.consents = consents;
        this.messageIdDomain = config.ack().messageIdDomain();
        this.clock = clock;
    }

    /**
     * @param messageIdLocal the local part of the Message-ID this mail carries (unique per message)
     * @param data           the kind's own template values; the ticket's are added here
     */
    public Uni<Notification> send(NotificationKind kind, String dedupKey, String messageIdLocal, TicketContact ticket,
            Map<String, Object> data) {
        Map<String, Object> values = new HashMap<>(data);
        values.put("name", ticket.customerName);
        values.put("number", ticket.number);
        values.put("subject", ticket.subject);
        values.put("agentName", ticket.agentName);
        values.put("team", ticket.team);
        if (!kind.transactional) {
            values.put("unsubscribeUrl", consents.unsubscribeUrl(Consents.subjectOf(ticket), Channels.EMAIL, ticket.locale));
        }
        CustomerTemplates.Rendered text = templates.render(kind.template, ticket.locale, values);
        String messageId = messageIdLocal + "@" + messageIdDomain;
        String customerMessageId = ticket.firstMessageId;
        ThreadRefs replyTo = new ThreadRefs(messageId, customerMessageId,
                customerMessageId == null ? List.of() : List.of(customerMessageId), null);
        MessageSend message = new MessageSend(dedupKey, kind.outboundKind, ticket.ticketId, ticket.customerId, Channels.EMAIL,
                new Identity("email", ticket.email, null, ticket.emailDisplayName), "Re: " + ticket.subject, text.text(), null,
                replyTo, text.locale(), clock.instant());
        Notification row = recordOf(kind, message);
        return row.persist()
                .chain(() -> outbox.append(Topics.OUTBOUND, ticket.ticketId, EventTypes.MESSAGE_SEND, ticket.ticketId, message))
                .replaceWith(row);
    }

    /**
     * The same message again on another channel after a permanent failure: the text as it was rendered, to
     * {@code to}; its idempotency key names the original and the channel, so it goes out once.
     */
    public Uni<Notification> resend(Notification original, TicketContact ticket, String channel, Identity to) {
        String root = original.fallbackOf == null ? original.dedupKey : original.fallbackOf;
        MessageSend message = new MessageSend(root + ":fallback:" + channel, outboundKindOf(original.kind), ticket.ticketId,
                ticket.customerId, channel, to, original.subject, original.body, null,
                new ThreadRefs(original.messageId, null, List.of(), null), original.locale, clock.instant());
        Notification row = recordOf(kindOf(original.kind), message);
        row.fallbackOf = root;
        return row.persist()
                .chain(() -> outbox.append(Topics.OUTBOUND, ticket.ticketId, EventTypes.MESSAGE_SEND, ticket.ticketId, message))
                .replaceWith(row);
    }

    /** The kind of a stored notification (its template name). */
    public static NotificationKind kindOf(String template) {
        for (NotificationKind kind : NotificationKind.messages()) {
            if (kind.template.equals(template)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Not a customer message kind: " + template);
    }

    private static String outboundKindOf(String template) {
        return kindOf(template).outboundKind;
    }

    private static Notification recordOf(NotificationKind kind, MessageSend message) {
        Notification row = new Notification();
        row.id = UUID.randomUUID();
        row.dedupKey = message.idempotencyKey();
        row.kind = kind.template;
        row.ticketId = message.ticketId();
        row.channel = message.channel();
        row.recipient = message.recipient().value();
        row.locale = message.locale();
        row.subject = message.subject();
        row.body = message.text();
        row.messageId = message.replyTo().messageId();
        row.createdAt = message.requestedAt();
        return row;
    }
}
