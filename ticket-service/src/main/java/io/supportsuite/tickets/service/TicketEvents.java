package io.supportsuite.tickets.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.common.CustomerRef;
import io.supportsuite.events.common.ThreadRefs;
import io.supportsuite.events.outbound.MessageSend;
import io.supportsuite.events.ticket.TicketAssigned;
import io.supportsuite.events.ticket.TicketCreated;
import io.supportsuite.events.ticket.TicketEscalated;
import io.supportsuite.events.ticket.TicketMerged;
import io.supportsuite.events.ticket.TicketNoteAdded;
import io.supportsuite.events.ticket.TicketPriorityChanged;
import io.supportsuite.events.ticket.TicketTagsChanged;
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
        Outbox.Event event = createdEvent(ticket, customer, identity, first, thread);
        return outbox.append(event.topic(), event.key(), event.type(), event.subject(), event.payload()).replaceWithVoid();
    }

    /** {@code ticket.created}, for the outbox (the batch path appends many at once); {@code first} is null for a callback's ticket. */
    public Outbox.Event createdEvent(Ticket ticket, Customer customer, CustomerIdentity identity, TicketMessage first,
            ThreadRefs thread) {
        String key = ticket.id.toString();
        return new Outbox.Event(Topics.TICKETS, key, EventTypes.TICKET_CREATED, key, new TicketCreated(key, ticket.number,
                ticket.subject, ticket.channel, ticket.status, ticket.priority,
                ticket.teamId == null ? null : ticket.teamId.toString(), null, customerRef(customer, identity),
                first == null ? null : first.messageId, thread, ticket.createdAt));
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

    public Uni<Void> noteAdded(Ticket ticket, UUID noteId, Actor agent, String text, Instant at) {
        return ticketEvent(ticket, EventTypes.TICKET_NOTE_ADDED, new TicketNoteAdded(ticket.id.toString(), noteId.toString(), agent.id(), at))
                .chain(() -> timeline.record(noteId, ticket.id, ActivityKind.NOTE, agent, text, null, at));
    }

    /** The ticket's team and assignee changed; the event names the team by id. */
    public Uni<Void> assigned(Ticket ticket, String teamName, String assigneeName, Actor by, Instant at) {
        String team = ticket.teamId == null ? null : ticket.teamId.toString();
        String assignee = ticket.assigneeId == null ? null : ticket.assigneeId.toString();
        return ticketEvent(ticket, EventTypes.TICKET_ASSIGNED, new TicketAssigned(ticket.id.toString(), team, assignee, assigneeName, at))
                .chain(() -> timeline.record(ticket.id, ActivityKind.ASSIGNED, by, null, Timeline.details("teamId", team, "team", teamName,
                        "assigneeId", assignee, "assignee", assigneeName), at));
    }

    public Uni<Void> priorityChanged(Ticket ticket, String from, Actor by, Instant at) {
        return ticketEvent(ticket, EventTypes.TICKET_PRIORITY_CHANGED,
                new TicketPriorityChanged(ticket.id.toString(), from, ticket.priority, at))
                .chain(() -> timeline.record(ticket.id, ActivityKind.PRIORITY_CHANGED, by, null,
                        Timeline.details("from", from, "to", ticket.priority), at));
    }

    public Uni<Void> tagsChanged(Ticket ticket, List<String> tags, List<String> added, List<String> removed, Actor by, Instant at) {
        return ticketEvent(ticket, EventTypes.TICKET_TAGS_CHANGED, new TicketTagsChanged(ticket.id.toString(), tags, added, removed,
                by.id(), at))
                .chain(() -> timeline.record(ticket.id, ActivityKind.TAGS_CHANGED, by, null,
                        Timeline.details("tags", tags, "added", added, "removed", removed), at));
    }

    /** C6: handed to a supervisor; visible to ops through the event. */
    public Uni<Void> escalated(Ticket ticket, Actor by, Actor to, String reason, Instant at) {
        return ticketEvent(ticket, EventTypes.TICKET_ESCALATED, new TicketEscalated(ticket.id.toString(), by.id(), to.id(), reason, at))
                .chain(() -> timeline.record(ticket.id, ActivityKind.ESCALATED, by, reason,
                        Timeline.details("toId", to.id(), "to", to.name()), at));
    }

    /** {@code merged} was merged into {@code into}: announced on the merged ticket, a line on both. */
    public Uni<Void> merged(Ticket merged, Ticket into, Actor by, Instant at) {
        return ticketEvent(merged, EventTypes.TICKET_MERGED, new TicketMerged(merged.id.toString(), into.id.toString(), by.id(), at))
                .chain(() -> timeline.record(merged.id, ActivityKind.MERGED, by, null,
                        Timeline.details("into", into.id.toString(), "intoNumber", into.number), at))
                .chain(() -> timeline.record(into.id, ActivityKind.MERGED, by, null,
                        Timeline.details("from", merged.id.toString(), "fromNumber", merged.number), at));
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
