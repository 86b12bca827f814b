package io.supportsuite.tickets.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.common.ThreadRefs;
import io.supportsuite.events.inbound.MessageReceived;
import io.supportsuite.tickets.config.TicketsConfig;
import io.supportsuite.tickets.customer.CustomerDirectory;
import io.supportsuite.tickets.customer.CustomerDirectory.Contact;
import io.supportsuite.tickets.agent.Team;
import io.supportsuite.tickets.routing.RoutingRules;
import io.supportsuite.tickets.ticket.Lifecycle;
import io.supportsuite.tickets.ticket.Ticket;
import io.supportsuite.tickets.ticket.TicketMessage;
import io.supportsuite.tickets.ticket.TicketStatus;

/**
 * A customer message becomes a ticket, or lands on the ticket it answers (C3). Runs inside the caller's
 * transaction (the inbox's), so the state change and its events commit together.
 */
@ApplicationScoped
public class InboundMessages {

    static final String NO_SUBJECT = "(no subject)";
    private static final int SUBJECT_FROM_TEXT = 120;

    private final CustomerDirectory customers;
    private final TicketEvents events;
    private final TicketsConfig config;
    private final RoutingRules rules;
    private final Clock clock;

    public InboundMessages(CustomerDirectory customers, TicketEvents events, TicketsConfig config, RoutingRules rules, Clock clock) {
        this.customers = customers;
        this.events = events;
        this.config = config;
        this.rules = rules;
        this.clock = clock;
    }

    public Uni<InboundOutcome> receive(MessageReceived message) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return alreadyStored(message).chain(stored -> stored
                ? Uni.createFrom().item(InboundOutcome.duplicate(message.channel()))
                : customers.findOrCreate(message.sender(), message.localeHint(), now)
                        .chain(contact -> referencedTickets(message).chain(tickets -> {
                            Ticket live = tickets.stream().filter(t -> t.acceptsCustomerMessage(now, config.reopenWindow()))
                                    .findFirst().orElse(null);
                            if (live != null) {
                                return append(live, contact, message, now);
                            }
                            return create(contact, message, tickets.isEmpty() ? null : tickets.get(0).id, now);
                        })));
    }

    /** C4: the same provider message under another event id (a gateway retry) is not stored twice. */
    private static Uni<Boolean> alreadyStored(MessageReceived message) {
        if (message.providerMessageId() == null) {
            return Uni.createFrom().item(false);
        }
        return TicketMessage.count("channel = ?1 and providerMessageId = ?2 and direction = ?3", message.channel(),
                message.providerMessageId(), TicketMessage.INBOUND).map(n -> n > 0);
    }

    /** True when the message may answer an earlier one (references, an acknowledgement, a conversation). */
    static boolean mayAnswerEarlier(MessageReceived message) {
        ThreadRefs thread = message.thread();
        return thread != null && (!Threading.referencedIds(thread).isEmpty()
                || (thread.conversationId() != null && !thread.conversationId().isBlank()));
    }

    /**
     * Tickets the message answers, most recently active first: by a stored Message-ID (the customer's, an
     * agent reply's), by an acknowledgement's id, or by the provider's conversation id. They are read locked,
     * so an agent's change to the same ticket waits for this message (and the other way round).
     */
    private Uni<List<Ticket>> referencedTickets(MessageReceived message) {
        List<String> refs = Threading.referencedIds(message.thread());
        List<UUID> acked = refs.stream().flatMap(r -> Threading.ackTicket(r, config.messageIdDomain()).stream()).toList();
        String conversation = message.thread() == null ? null : message.thread().conversationId();
        Map<UUID, Ticket> found = new LinkedHashMap<>();
        Uni<Void> lookups = Uni.createFrom().voidItem();
        if (!refs.isEmpty()) {
            lookups = lookups.chain(() -> locked(found,
                    "id in (select m.ticketId from TicketMessage m where m.messageId in ?1)", refs));
        }
        if (!acked.isEmpty()) {
            lookups = lookups.chain(() -> locked(found, "id in ?1", acked));
        }
        if (conversation != null && !conversation.isBlank()) {
            lookups = lookups.chain(() -> locked(found,
                    "id in (select m.ticketId from TicketMessage m where m.channel = ?1 and m.conversationId = ?2)",
                    message.channel(), conversation));
        }
        return lookups.map(ignored -> {
            List<Ticket> tickets = new ArrayList<>(found.values());
            tickets.sort(Comparator.comparing((Ticket t) -> t.updatedAt).reversed());
            return tickets;
        });
    }

    private static Uni<Void> locked(Map<UUID, Ticket> found, String query, Object... params) {
        // In id order, so two transactions locking the same tickets cannot deadlock.
        return Ticket.<Ticket>find(query + " order by id", params).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .invoke(list -> list.forEach(t -> found.putIfAbsent(t.id, t))).replaceWithVoid();
    }

    private Uni<InboundOutcome> create(Contact contact, MessageReceived message, UUID followUpOf, Instant now) {
        return nextNumber().chain(number -> {
            Ticket ticket = newTicket(contact, message, followUpOf, number, now);
            TicketMessage first = inboundMessage(ticket.id, contact, message, now);
            String team = teamOf(contact, message);
            return (team == null ? Uni.createFrom().<Team>nullItem() : Team.<Team>find("name", team).firstResult())
                    .invoke(t -> ticket.teamId = t == null ? null : t.id)
                    .chain(() -> ticket.persist())
                    .chain(() -> first.persist())
                    .chain(() -> events.created(ticket, contact.customer(), contact.identity(), first, threadOf(message, first)))
                    .invoke(() -> Log.infof("Ticket #%d %s created for customer %s from %s message %s", ticket.number, ticket.id,
                            contact.customer().id, ticket.channel, first.messageId))
                    .replaceWith(new InboundOutcome(InboundOutcome.Kind.CREATED, ticket.id, ticket.channel, false));
        });
    }

    /** A new ticket for a customer's message; {@code followUpOf} links it to the ticket it follows up (C3). */
    Ticket newTicket(Contact contact, MessageReceived message, UUID followUpOf, long number, Instant now) {
        Ticket ticket = new Ticket();
        ticket.id = UUID.randomUUID();
        ticket.number = number;
        ticket.subject = subjectOf(message);
        ticket.status = TicketStatus.NEW.wire();
        ticket.priority = rules.decide(facts(contact, message)).priority();
        ticket.channel = message.channel();
        ticket.customerId = contact.customer().id;
        ticket.followUpOf = followUpOf;
        ticket.createdAt = now;
        ticket.updatedAt = now;
        return ticket;
    }

    /** The team the routing rules send a new ticket of this message to, by name; null for none. */
    String teamOf(Contact contact, MessageReceived message) {
        return rules.decide(facts(contact, message)).team();
    }

    private static RoutingRules.Facts facts(Contact contact, MessageReceived message) {
        return new RoutingRules.Facts(message.channel(), subjectOf(message), message.text(), message.rating(), message.negative(),
                contact.customer().segment);
    }

    /** Runs on a ticket read under lock (see {@link #referencedTickets}). */
    private Uni<InboundOutcome> append(Ticket ticket, Contact contact, MessageReceived message, Instant now) {
        TicketStatus before = ticket.status();
        boolean reopened = before == TicketStatus.SOLVED;
        TicketMessage added = inboundMessage(ticket.id, contact, message, now);
        ticket.updatedAt = now;
        TicketStatus after = Lifecycle.onCustomerMessage(before);
        if (after != before) {
            ticket.moveTo(after, now);
        }
        Uni<Void> work = added.persist()
                .chain(() -> events.messageAdded(ticket, added, threadOf(message, added), reopened));
        if (ticket.status() != before) {
            // R5: the customer wrote again, so the clocks paused on pending run again.
            String reason = reopened ? "reopened_by_customer" : "customer_replied";
            work = work.chain(() -> events.statusChanged(ticket, before, ticket.status(), null, reason, now));
        }
        return work
                .invoke(() -> Log.infof("Message %s threaded onto ticket #%d %s (%s -> %s)", added.messageId, ticket.number,
                        ticket.id, before.wire(), ticket.status))
                .replaceWith(new InboundOutcome(InboundOutcome.Kind.THREADED, ticket.id, ticket.channel, reopened));
    }

    static TicketMessage inboundMessage(UUID ticketId, Contact contact, MessageReceived message, Instant now) {
        TicketMessage m = new TicketMessage();
        m.id = UUID.randomUUID();
        m.ticketId = ticketId;
        m.direction = TicketMessage.INBOUND;
        m.authorType = TicketMessage.CUSTOMER;
        m.authorId = contact.customer().id.toString();
        m.authorName = contact.customer().name != null ? contact.customer().name : contact.identity().value;
        m.channel = message.channel();
        m.providerMessageId = message.providerMessageId();
        m.messageId = Threading.messageIdOf(message);
        ThreadRefs thread = message.thread();
        if (thread != null) {
            m.inReplyTo = Threading.normalise(thread.inReplyTo());
            m.references(thread.references() == null ? List.of()
                    : thread.references().stream().map(Threading::normalise).filter(r -> r != null).toList());
            m.conversationId = thread.conversationId();
        }
        m.text = message.text();
        m.html = message.html();
        m.receivedAt = message.receivedAt();
        m.createdAt = now;
        return m;
    }

    /** The message's thread as received; a message without one is its own thread. */
    static ThreadRefs threadOf(MessageReceived message, TicketMessage stored) {
        return message.thread() != null ? message.thread() : new ThreadRefs(stored.messageId, null, List.of(), null);
    }

    static String subjectOf(MessageReceived message) {
        if (message.subject() != null && !message.subject().isBlank()) {
            return message.subject().trim();
        }
        String text = message.text() == null ? "" : message.text().strip();
        if (text.isEmpty()) {
            return NO_SUBJECT;
        }
        String firstLine = text.lines().findFirst().orElse(text).strip();
        return firstLine.length() <= SUBJECT_FROM_TEXT ? firstLine : firstLine.substring(0, SUBJECT_FROM_TEXT) + "…";
    }

    private static Uni<Long> nextNumber() {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT nextval('ticket_number_seq')", Long.class).getSingleResult());
    }
}
