package io.supportsuite.notifications.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.Channels;
import io.supportsuite.events.common.CustomerRef;
import io.supportsuite.events.common.Identity;
import io.supportsuite.events.sla.ClockRef;
import io.supportsuite.events.sla.SlaClockStarted;
import io.supportsuite.events.ticket.TicketCreated;
import io.supportsuite.notifications.config.NotificationsConfig;
import io.supportsuite.notifications.notification.Notification;
import io.supportsuite.notifications.notification.NotificationKind;
import io.supportsuite.notifications.schedule.Schedules;
import io.supportsuite.notifications.ticket.ContactPoints;
import io.supportsuite.notifications.ticket.ResponsePromise;
import io.supportsuite.notifications.ticket.TicketContact;

/**
 * N1: one acknowledgement per ticket, promising the first-response deadline, or the team's backlog forecast
 * when that is later; a live contact's (chat, call) waits the pickup time and is dropped if an agent answered. The ticket and its clock
 * arrive on different topics in either order; whichever comes first is stored, the second one sends. Every
 * method runs inside the consuming transaction (the caller's inbox), so the notification row and its outbox
 * record commit with the event that caused them.
 */
@ApplicationScoped
public class Acknowledgements {

    public static final String KIND = "ack";
    /** The clock whose deadline the acknowledgement promises (R1/R6). */
    public static final String FIRST_RESPONSE = "first_response";

    private final CustomerMessages messages;
    private final TeamBacklog backlog;
    private final TicketLock lock;
    private final Schedules schedules;
    private final EtaFormat eta;
    private final NotificationsConfig.Ack config;
    private final Clock clock;

    public Acknowledgements(CustomerMessages messages, TeamBacklog backlog, TicketLock lock, Schedules schedules,
            NotificationsConfig config, Clock clock) {
        this.messages = messages;
        this.backlog = backlog;
        this.lock = lock;
        this.schedules = schedules;
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
        if (config.liveChannels().contains(ticket.channel)) {
            // A live contact answered within the pickup time needs no acknowledgement: it waits that long, and the
            // dispatcher drops it if an agent answered meanwhile (ticket.replied).
            return schedules.schedule(NotificationKind.ACK, dedupKey, ticket.ticketId,
                    ticket.createdAt.plus(config.livePickup()), null, row -> { }).replaceWith(false);
        }
        return publish(dedupKey, ticket, promise).replaceWith(true);
    }

    /** The held acknowledgement of a live contact nobody answered within the pickup time (dispatcher's transaction). */
    public Uni<Void> heldAckDue(String dedupKey, TicketContact ticket) {
        return ResponsePromise.of(ticket.ticketId, FIRST_RESPONSE).chain(promise -> promise == null
                ? Uni.createFrom().voidItem() : publish(dedupKey, ticket, promise));
    }

    private Uni<Void> publish(String dedupKey, TicketContact ticket, ResponsePromise promise) {
        // Thanks, the ticket number and the promise in the customer's zone, threaded under their mail: the
        // deadline, or the backlog forecast when the team cannot make the deadline (never earlier).
        return backlog.forecast(ticket.team).chain(forecast -> {
            Instant promised = BacklogForecast.promise(promise.deadline, forecast);
            Map<String, Object> data = Map.of("deadline", eta.format(promised, ticket.timeZone));
            return messages.send(NotificationKind.ACK, dedupKey, KIND + "-" + ticket.ticketId, ticket, data)
                    .invoke(() -> Log.infof("Acknowledgement of ticket %s queued (answer promised by %s, deadline %s)",
                            ticket.ticketId, promised, promise.deadline));
        }).replaceWithVoid();
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
        ticket.timeZoneKnown = customer != null && customer.timeZone() != null && !customer.timeZone().isBlank();
        ticket.timeZone = ticket.timeZoneKnown ? customer.timeZone() : config.defaultTimeZone();
        ticket.team = created.team();
        ticket.agentId = created.assigneeId();
        ticket.email = email == null ? null : email.value().toLowerCase(Locale.ROOT);
        ticket.emailDisplayName = email == null ? null : email.displayName();
        ticket.contactPoints = customer == null ? null : ContactPoints.encode(customer.identities());
        ticket.segment = customer == null ? null : customer.segment();
        ticket.firstMessageId = created.messageId() != null ? created.messageId()
                : created.thread() == null ? null : created.thread().messageId();
        ticket.createdAt = created.createdAt() == null ? clock.instant() : created.createdAt();
        ticket.updatedAt = clock.instant();
        return ticket;
    }
}
