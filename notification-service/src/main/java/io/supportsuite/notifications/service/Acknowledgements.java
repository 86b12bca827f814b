package io.supportsuite.notifications.service;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.Channels;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.common.CustomerRef;
import io.supportsuite.events.common.Identity;
import io.supportsuite.events.common.ThreadRefs;
import io.supportsuite.events.outbound.MessageSend;
import io.supportsuite.events.sla.ClockRef;
import io.supportsuite.events.sla.SlaClockStarted;
import io.supportsuite.events.ticket.TicketCreated;
import io.supportsuite.events.ticket.TicketStatusChanged;
import io.supportsuite.notifications.config.NotificationsConfig;
import io.supportsuite.notifications.notification.Notification;
import io.supportsuite.notifications.ticket.ResponsePromise;
import io.supportsuite.notifications.ticket.TicketContact;
import io.supportsuite.runtime.outbox.Outbox;

/**
 * N1: one acknowledgement per ticket, with the first-response deadline as its ETA. The ticket and its clock
 * arrive on different topics in either order; whichever comes first is stored, the second one sends. Every
 * method runs inside the consuming transaction (the caller's inbox), so the notification row and its outbox
 * record commit with the event that caused them.
 */
@ApplicationScoped
public class Acknowledgements {

    public static final String KIND = "ack";
    /** The clock whose deadline the acknowledgement promises (R1/R6). */
    public static final String FIRST_RESPONSE = "first_response";

    private final Outbox outbox;
    private final TicketLock lock;
    private final CustomerTemplates templates;
    private final EtaFormat eta;
    private final NotificationsConfig.Ack config;
    private final Clock clock;

    public Acknowledgements(Outbox outbox, TicketLock lock, CustomerTemplates templates, NotificationsConfig config,
            Clock clock) {
        this.outbox = outbox;
        this.lock = lock;
        this.templates = templates;
        this.eta = new EtaFormat(config.ack().deadlineFormat(), config.ack().defaultTimeZone());
        this.config = config.ack();
        this.clock = clock;
    }

    /** Keeps the ticket's contact details; returns whether this completed the pair and an ack was queued. */
    public Uni<Boolean> ticketCreated(TicketCreated created) {
        return lock.lock(created.ticketId())
                .chain(() -> TicketContact.<TicketContact>findById(created.ticketId()))
                .chain(known -> known != null ? Uni.createFrom().voidItem()
                        : contactOf(created).persist().replaceWithVoid())
                .chain(() -> acknowledgeIfReady(created.ticketId()));
    }

    /** Keeps the promised deadline; returns whether this completed the pair and an ack was queued. */
    public Uni<Boolean> clockStarted(SlaClockStarted started) {
        ClockRef clockRef = started.clock();
        if (clockRef == null || !FIRST_RESPONSE.equals(clockRef.kind()) || clockRef.deadline() == null) {
            return Uni.createFrom().item(false);
        }
        return lock.lock(clockRef.ticketId())
                .chain(() -> ResponsePromise.of(clockRef.ticketId(), clockRef.kind()))
                .chain(promise -> {
                    if (promise == null) {
                        promise = new ResponsePromise();
                        promise.id = UUID.randomUUID();
                        promise.ticketId = clockRef.ticketId();
                        promise.clockKind = clockRef.kind();
                    }
                    // The latest promise wins while no ack went out yet.
                    promise.clockId = clockRef.clockId();
                    promise.policy = clockRef.policy();
                    promise.deadline = clockRef.deadline();
                    promise.startedAt = started.startedAt();
                    return promise.persist().replaceWithVoid();
                })
                .chain(() -> acknowledgeIfReady(clockRef.ticketId()));
    }

    /** Keeps the projection's status current; a ticket this service never saw is ignored. */
    public Uni<Void> statusChanged(TicketStatusChanged changed) {
        return TicketContact.<TicketContact>findById(changed.ticketId()).invoke(ticket -> {
            if (ticket != null) {
                ticket.status = changed.to();
                ticket.updatedAt = clock.instant();
            }
        }).replaceWithVoid();
    }

    private Uni<Boolean> acknowledgeIfReady(String ticketId) {
        String dedupKey = KIND + ":" + ticketId;
        return TicketContact.<TicketContact>findById(ticketId).chain(ticket -> ticket == null ? Uni.createFrom().item(false)
                : ResponsePromise.of(ticketId, FIRST_RESPONSE).chain(promise -> promise == null ? Uni.createFrom().item(false)
                        : Notification.exists(dedupKey).chain(sent -> sent ? Uni.createFrom().item(false)
                                : send(dedupKey, ticket, promise))));
    }

    private Uni<Boolean> send(String dedupKey, TicketContact ticket, ResponsePromise promise) {
        if (ticket.email == null) {
            Log.warnf("Ticket %s has no e-mail identity: no acknowledgement (N1) sent", ticket.ticketId);
            return Uni.createFrom().item(false);
        }
        MessageSend message = compose(dedupKey, ticket, promise);
        return recordOf(message).persist()
                .chain(() -> outbox.append(Topics.OUTBOUND, ticket.ticketId, EventTypes.MESSAGE_SEND, ticket.ticketId, message))
                .invoke(() -> Log.infof("Acknowledgement of ticket %s queued (answer promised by %s)", ticket.ticketId,
                        promise.deadline))
                .replaceWith(true);
    }

    /** The ack: thanks, the ticket number and the deadline in the customer's zone, threaded under their mail. */
    private MessageSend compose(String dedupKey, TicketContact ticket, ResponsePromise promise) {
        Map<String, Object> data = new HashMap<>();
        data.put("name", ticket.customerName);
        data.put("number", ticket.number);
        data.put("subject", ticket.subject);
        data.put("deadline", eta.format(promise.deadline, ticket.timeZone));
        data.put("ticketId", ticket.ticketId);
        CustomerTemplates.Rendered text = templates.render(KIND, ticket.locale, data);

        String messageId = KIND + "-" + ticket.ticketId + "@" + config.messageIdDomain();
        String customerMessageId = ticket.firstMessageId;
        ThreadRefs replyTo = new ThreadRefs(messageId, customerMessageId,
                customerMessageId == null ? List.of() : List.of(customerMessageId), null);
        return new MessageSend(dedupKey, KIND, ticket.ticketId, ticket.customerId, Channels.EMAIL,
                new Identity("email", ticket.email, null, ticket.emailDisplayName), "Re: " + ticket.subject, text.text(), null,
                replyTo, text.locale(), clock.instant());
    }

    private static Notification recordOf(MessageSend message) {
        Notification row = new Notification();
        row.id = UUID.randomUUID();
        row.dedupKey = message.idempotencyKey();
        row.kind = message.kind();
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

    private TicketContact contactOf(TicketCreated created) {
        CustomerRef customer = created.customer();
        Identity email = customer == null || customer.identities() == null ? null
                : customer.identities().stream().filter(i -> "email".equals(i.kind()) && i.value() != null).findFirst()
                        .orElse(null);
        TicketContact ticket = new TicketContact();
        ticket.ticketId = created.ticketId();
        ticket.number = created.number();
        ticket.subject = created.subject();
        ticket.channel = created.channel() == null ? Channels.EMAIL : created.channel();
        ticket.status = created.status() == null ? "new" : created.status();
        ticket.customerId = customer == null ? null : customer.customerId();
        ticket.customerName = customer == null ? null : customer.name();
        ticket.locale = customer == null || customer.locale() == null ? config.defaultLocale() : customer.locale();
        ticket.timeZone = customer == null || customer.timeZone() == null ? config.defaultTimeZone() : customer.timeZone();
        ticket.email = email == null ? null : email.value().toLowerCase(Locale.ROOT);
        ticket.emailDisplayName = email == null ? null : email.displayName();
        ticket.firstMessageId = created.messageId() != null ? created.messageId()
                : created.thread() == null ? null : created.thread().messageId();
        ticket.createdAt = created.createdAt() == null ? clock.instant() : created.createdAt();
        ticket.updatedAt = clock.instant();
        return ticket;
    }
}
