package io.supportsuite.tickets.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.common.CustomerRef;
import io.supportsuite.events.common.ThreadRefs;
import io.supportsuite.events.outbound.MessageSend;
import io.supportsuite.events.ticket.TicketCreated;
import io.supportsuite.events.ticket.TicketMessageAdded;
import io.supportsuite.events.ticket.TicketReplied;
import io.supportsuite.events.ticket.TicketStatusChanged;
import io.supportsuite.runtime.outbox.Outbox;
import io.supportsuite.tickets.config.TicketsConfig;
import io.supportsuite.tickets.customer.Customer;
import io.supportsuite.tickets.customer.CustomerIdentity;
import io.supportsuite.tickets.ticket.Ticket;
import io.supportsuite.tickets.ticket.TicketMessage;
import io.supportsuite.tickets.ticket.TicketStatus;
import io.supportsuite.tickets.timeline.ActivityKind;
import io.supportsuite.tickets.timeline.Timeline;
import io.supportsuite.tickets.timeline.Timeline.Actor;

/**
 * Maps ticket changes to the contract's events and records them in the outbox, in the caller's transaction
 * (no dual writes), with the line it makes in the ticket's timeline (C7; messages are their own lines). Every event is
 * keyed by the ticket id.
 */
@ApplicationScoped
public class TicketEvents {

    private final Outbox outbox;
    private final Timeline timeline;
    private final TicketsConfig config;

    public TicketEvents(Outbox outbox, Timeline timeline, TicketsConfig config) {
        this.outbox = outbox;
        this.timeline = timeline;
        this.config = config;
    }

    public Uni<Void> created(Ticket ticket, Customer customer, CustomerIdentity identity, TicketMessage first, ThreadRefs thread) {
        return ticketEvent(ticket, EventTypes.TICKET_CREATED, new TicketCreated(ticket.id.toString(), ticket.number, ticket.subject,
                ticket.channel, ticket.status, ticket.priority, null, null, customerRef(customer, identity), first.messageId,
                thread, ticket.createdAt));
    }

    public Uni<Void> messageAdded(Ticket ticket, TicketMessage message, ThreadRefs thread, boolean reopened) {
        return ticketEvent(ticket, EventTypes.TICKET_MESSAGE_ADDED, new TicketMessageAdded(ticket.id.toString(), message.messageId,
                message.channel, thread, ticket.status, reopened, message.receivedAt != null ? message.receivedAt : message.createdAt));
    }

    public Uni<Void> statusChanged(Ticket ticket, TicketStatus from, TicketStatus to, String actor, String reason, Instant at) {
        return ticketEvent(ticket, EventTypes.TICKET_STATUS_CHANGED,
                new TicketStatusChanged(ticket.id.toString(), from.wire(), to.wire(), actor, reason, at))
                .chain(() -> timeline.record(ticket.id, ActivityKind.STATUS_CHANGED, Actor.of(actor), null,
                        Timeline.details("from", from.wire(), "to", to.wire(), "reason", reason), at));
    }

    public Uni<Void> replied(Ticket ticket, TicketMessage reply, boolean firstResponse) {
        return ticketEvent(ticket, EventTypes.TICKET_REPLIED, new TicketReplied(ticket.id.toString(), reply.messageId, reply.authorId,
                reply.authorName, null, reply.channel, firstResponse, reply.createdAt));
    }

    public Uni<Void> send(Ticket ticket, MessageSend command) {
        String key = ticket.id.toString();
        return outbox.append(Topics.OUTBOUND, key, EventTypes.MESSAGE_SEND, key, command).replaceWithVoid();
    }

    /** What other services keep of the customer (C2); unknown locale and time zone become the defaults. */
    public CustomerRef customerRef(Customer customer, CustomerIdentity identity) {
        return new CustomerRef(customer.id.toString(), customer.name,
                customer.locale != null ? customer.locale : config.customer().locale(),
                customer.timeZone != null ? customer.timeZone : config.customer().timeZone(),
                customer.segment != null ? customer.segment : config.customer().segment(),
                identity == null ? List.of() : List.of(identity.toEvent()));
    }

    private Uni<Void> ticketEvent(Ticket ticket, String type, Object event) {
        String key = ticket.id.toString();
        return outbox.append(Topics.TICKETS, key, type, key, event).replaceWithVoid();
    }
}
