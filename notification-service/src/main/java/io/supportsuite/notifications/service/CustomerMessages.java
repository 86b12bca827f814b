package io.supportsuite.notifications.service;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
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
        Composed message = compose(kind, dedupKey, messageIdLocal, ticket, data);
        return message.row().persist()
                .chain(() -> outbox.append(message.event().topic(), message.event().key(), message.event().type(),
                        message.event().subject(), message.event().payload()))
                .replaceWith(message.row());
    }

    /** A rendered message not written yet: its notification row and its {@code message.send} outbox event. */
    public record Composed(Notification row, Outbox.Event event) {
    }

    /** Renders a message as {@link #send} does, without writing it: {@link #sendAll} writes many at once. */
    public Composed compose(NotificationKind kind, String dedupKey, String messageIdLocal, TicketContact ticket,
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
        return new Composed(recordOf(kind, message),
                new Outbox.Event(Topics.OUTBOUND, ticket.ticketId, EventTypes.MESSAGE_SEND, ticket.ticketId, message));
    }

    /**
     * Writes composed messages in the current transaction with two statements, whatever their number: their
     * notification rows and their outbox records (the dispatcher's path, where a statement per message cost a
     * round trip each). The unique dedup key still makes each go out once.
     */
    public Uni<Void> sendAll(List<Composed> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = messages.size();
        String[][] columns = new String[11][n];
        for (int i = 0; i < n; i++) {
            Notification row = messages.get(i).row();
            String[] values = { row.id.toString(), row.dedupKey, row.kind, row.ticketId, row.channel, row.recipient,
                    row.locale, row.subject, row.body, row.messageId, row.createdAt.toString() };
            for (int c = 0; c < values.length; c++) {
                columns[c][i] = values[c];
            }
        }
        // Bound as text[] and cast in SQL: the one array type the session binds as is.
        return Panache.getSession().chain(session -> {
            var insert = session.createNativeQuery("""
                    INSERT INTO notification (id, dedup_key, kind, ticket_id, channel, recipient, locale, subject, body,
                        message_id, created_at)
                    SELECT CAST(id AS uuid), dedup_key, kind, ticket_id, channel, recipient, locale, subject, body, message_id,
                        CAST(created_at AS timestamptz)
                    FROM unnest(CAST(?1 AS text[]), CAST(?2 AS text[]), CAST(?3 AS text[]), CAST(?4 AS text[]),
                        CAST(?5 AS text[]), CAST(?6 AS text[]), CAST(?7 AS text[]), CAST(?8 AS text[]), CAST(?9 AS text[]),
                        CAST(?10 AS text[]), CAST(?11 AS text[]))
                        AS m(id, dedup_key, kind, ticket_id, channel, recipient, locale, subject, body, message_id, created_at)""");
            for (int c = 0; c < columns.length; c++) {
                insert.setParameter(c + 1, columns[c]);
            }
            return insert.executeUpdate();
        }).chain(() -> outbox.appendAll(messages.stream().map(Composed::event).toList()));
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
