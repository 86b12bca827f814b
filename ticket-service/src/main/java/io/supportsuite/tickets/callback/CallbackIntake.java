package io.supportsuite.tickets.callback;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.common.Identity;
import io.supportsuite.events.contact.CallbackRequested;
import io.supportsuite.events.contact.ContactOffered;
import io.supportsuite.events.sla.ClockRef;
import io.supportsuite.events.sla.SlaBreached;
import io.supportsuite.runtime.inbox.Inbox;
import io.supportsuite.runtime.inbox.IncomingEvent;
import io.supportsuite.tickets.agent.Team;
import io.supportsuite.tickets.config.TicketsConfig;
import io.supportsuite.tickets.customer.CustomerDirectory;
import io.supportsuite.tickets.customer.CustomerDirectory.Contact;
import io.supportsuite.tickets.routing.Router;
import io.supportsuite.tickets.routing.RoutingRules;
import io.supportsuite.tickets.service.TicketEvents;
import io.supportsuite.tickets.ticket.Ticket;
import io.supportsuite.tickets.ticket.TicketStatus;

/**
 * Where callbacks come from (R3): a live contact not picked up in time ({@code sla.breached} of its pickup clock) or a
 * customer's {@code callback.requested}. The callback lands on the customer's live ticket of that channel, or on a new
 * one, which is routed at once so the callback's owner is the ticket's agent. Runs in the inbox's transaction: one
 * callback per source event, and at most one open callback per contact.
 */
@ApplicationScoped
public class CallbackIntake {

    static final String PICKUP = "pickup";
    static final String ANONYMOUS = "anonymous";

    /** What every SLA event has: its clock. */
    private record ClockOnly(ClockRef clock) {
    }

    private final Inbox inbox;
    private final CustomerDirectory customers;
    private final TicketEvents events;
    private final Callbacks callbacks;
    private final Router router;
    private final RoutingRules rules;
    private final TicketsConfig config;
    private final Clock clock;

    public CallbackIntake(Inbox inbox, CustomerDirectory customers, TicketEvents events, Callbacks callbacks, Router router,
            RoutingRules rules, TicketsConfig config, Clock clock) {
        this.inbox = inbox;
        this.customers = customers;
        this.events = events;
        this.callbacks = callbacks;
        this.router = router;
        this.rules = rules;
        this.config = config;
        this.clock = clock;
    }

    /** Remembers who is on the line, so a missed pickup can be called back. */
    public Uni<Void> offered(IncomingEvent event) {
        ContactOffered offer = inbox.read(event, ContactOffered.class);
        if (offer.contactId() == null) {
            throw new Inbox.UnreadableEventException(event, new IllegalArgumentException("no contact id"));
        }
        Identity who = offer.customer();
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO contact (contact_id, channel, identity_kind, identity_value, "
                + "network, display_name, queue, offered_at) VALUES (:id, :channel, :kind, :value, :network, :name, :queue, :at) "
                + "ON CONFLICT (contact_id) DO NOTHING")
                .setParameter("id", offer.contactId()).setParameter("channel", offer.channel())
                .setParameter("kind", who == null ? null : who.kind()).setParameter("value", who == null ? null : who.value())
                .setParameter("network", who == null ? null : who.network()).setParameter("name", who == null ? null : who.displayName())
                .setParameter("queue", offer.queue()).setParameter("at", offer.offeredAt() != null ? offer.offeredAt() : event.time())
                .executeUpdate()).replaceWithVoid();
    }

    /** R3: the customer asked; due at the slot they picked, else the configured time after the request. */
    public Uni<Void> requested(IncomingEvent event) {
        CallbackRequested request = inbox.read(event, CallbackRequested.class);
        if (request.customer() == null || request.customer().value() == null) {
            throw new Inbox.UnreadableEventException(event, new IllegalArgumentException("no customer to call"));
        }
        Instant at = request.requestedAt() != null ? request.requestedAt() : event.time();
        boolean picked = request.preferredAt() != null && request.preferredAt().isAfter(at);
        Instant due = picked ? request.preferredAt() : at.plus(config.callbacks().due());
        return open(Callback.REQUESTED, event.id(), request.contactId(), request.channel(), request.customer(), due, picked);
    }

    /** Whether an SLA event is about a live contact's pickup clock (whose "ticket" is the contact), not a ticket's clock. */
    public boolean isPickup(IncomingEvent event) {
        try {
            ClockOnly body = inbox.read(event, ClockOnly.class);
            return body.clock() != null && PICKUP.equals(body.clock().kind());
        } catch (Inbox.UnreadableEventException e) {
            return false; // the SLA handler dead-letters it
        }
    }

    /** R3: a pickup clock breached, so the contact is called back; its other events concern no ticket. */
    public Uni<Void> pickup(IncomingEvent event) {
        if (!EventTypes.SLA_BREACHED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        SlaBreached breach = inbox.read(event, SlaBreached.class);
        String contactId = breach.clock().ticketId() != null ? breach.clock().ticketId() : event.key();
        Instant at = breach.firedAt() != null ? breach.firedAt() : event.time();
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT channel, identity_kind, identity_value, network, display_name "
                + "FROM contact WHERE contact_id = :id", Object[].class).setParameter("id", contactId).getResultList())
                .chain(rows -> {
                    Object[] row = rows.isEmpty() ? null : rows.get(0);
                    String channel = row != null && row[0] != null ? (String) row[0] : breach.clock().channel();
                    Identity who = row == null || row[2] == null ? null
                            : new Identity((String) row[1], (String) row[2], (String) row[3], (String) row[4]);
                    return open(Callback.PICKUP_MISSED, event.id(), contactId, channel, who, at.plus(config.callbacks().due()), false);
                });
    }

    /** {@code picked}: the customer chose the time, which moves a callback the contact already has. */
    private Uni<Void> open(String source, String sourceEvent, String contactId, String channel, Identity caller, Instant due,
            boolean picked) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Identity who = caller != null ? caller : new Identity(ANONYMOUS, "contact:" + contactId, null, null);
        return (contactId == null ? Uni.createFrom().<Callback>nullItem()
                : Callback.<Callback>find("contactId = ?1 and status = ?2", contactId, Callback.SCHEDULED)
                        .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()).chain(open -> {
                    if (open != null) {
                        if (picked) {
                            return callbacks.move(open, due.truncatedTo(ChronoUnit.MICROS), now);
                        }
                        Log.infof("Contact %s already has a callback scheduled; %s %s changes nothing", contactId, source, sourceEvent);
                        return Uni.createFrom().voidItem();
                    }
                    return customers.findOrCreate(who, null, now)
                            .chain(contact -> ticketFor(contact, channel, now))
                            .call(ticket -> router.routeNow(List.of(ticket.id)))
                            .chain(ticket -> callbacks.schedule(ticket.id, source, sourceEvent, contactId, who, ticket.assigneeId,
                                    due.truncatedTo(ChronoUnit.MICROS), now))
                            .replaceWithVoid();
                });
    }

    /** The customer's live ticket on the channel, most recently active; else a new one, announced and routed like any. */
    private Uni<Ticket> ticketFor(Contact contact, String channel, Instant now) {
        return Ticket.<Ticket>find("customerId = ?1 and channel = ?2 and status not in ?3 order by updatedAt desc",
                contact.customer().id, channel, List.of(TicketStatus.SOLVED.wire(), TicketStatus.CLOSED.wire())).firstResult()
                .chain(live -> live != null ? Uni.createFrom().item(live) : newTicket(contact, channel, now));
    }

    private Uni<Ticket> newTicket(Contact contact, String channel, Instant now) {
        String name = contact.customer().name != null ? contact.customer().name : contact.identity().value;
        RoutingRules.Decision routing = rules.decide(new RoutingRules.Facts(channel, "Call back " + name, null, null, false,
                contact.customer().segment));
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT nextval('ticket_number_seq')", Long.class).getSingleResult())
                .chain(number -> (routing.team() == null ? Uni.createFrom().<Team>nullItem() : Team.<Team>find("name", routing.team()).firstResult())
                        .chain(team -> {
                            Ticket ticket = new Ticket();
                            ticket.id = UUID.randomUUID();
                            ticket.number = number;
                            ticket.subject = "Call back " + name;
                            ticket.status = TicketStatus.NEW.wire();
                            ticket.priority = routing.priority();
                            ticket.channel = channel == null ? "voice" : channel;
                            ticket.customerId = contact.customer().id;
                            ticket.teamId = team == null ? null : team.id;
                            ticket.createdAt = now;
                            ticket.updatedAt = now;
                            return ticket.persistAndFlush()
                                    .chain(() -> events.created(ticket, contact.customer(), contact.identity(), null, null))
                                    .replaceWith(ticket);
                        }));
    }
}
