package io.supportsuite.tickets.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.common.ThreadRefs;
import io.supportsuite.events.outbound.MessageSend;
import io.supportsuite.runtime.problem.ProblemException;
import io.supportsuite.tickets.api.ReplyRequest;
import io.supportsuite.tickets.config.TicketsConfig;
import io.supportsuite.tickets.customer.Customer;
import io.supportsuite.tickets.customer.CustomerDirectory;
import io.supportsuite.tickets.customer.CustomerIdentity;
import io.supportsuite.tickets.ticket.Ticket;
import io.supportsuite.tickets.ticket.TicketMessage;
import io.supportsuite.tickets.ticket.TicketStatus;

/**
 * A public agent reply: stored on the transcript with a Message-ID of ours (so the customer's answer threads
 * back, C3), announced as {@code ticket.replied} (the first one is the first response, R1) and sent to the
 * customer as a {@code message.send} — all in one transaction.
 */
@ApplicationScoped
public class Replies {

    static final String KIND = "agent_reply";

    private final CustomerDirectory customers;
    private final TicketEvents events;
    private final TicketMetrics metrics;
    private final TicketsConfig config;
    private final Clock clock;

    public Replies(CustomerDirectory customers, TicketEvents events, TicketMetrics metrics, TicketsConfig config, Clock clock) {
        this.customers = customers;
        this.events = events;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    /** Outcome of a reply, for the answer and the metrics. */
    private record Reply(TicketMessage message, Ticket ticket, boolean firstResponse) {
    }

    public Uni<TicketMessage> reply(UUID ticketId, ReplyRequest request) {
        validate(request);
        return Panache.withTransaction(() -> Ticket.<Ticket>findById(ticketId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> Problems.ticketNotFound(ticketId))
                .chain(ticket -> store(ticket, request)))
                .invoke(reply -> {
                    metrics.replied(reply.ticket().channel, reply.firstResponse(),
                            Duration.between(reply.ticket().createdAt, reply.message().createdAt));
                    Log.infof("Agent %s replied on ticket #%d %s (first response: %s)", reply.message().authorId,
                            reply.ticket().number, reply.ticket().id, reply.firstResponse());
                })
                .map(Reply::message);
    }

    private Uni<Reply> store(Ticket ticket, ReplyRequest request) {
        TicketStatus before = ticket.status();
        if (before == TicketStatus.CLOSED) {
            throw ProblemException.conflict("ticket-closed", "Ticket " + ticket.number + " is closed; a reply needs a new ticket");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return lastCustomerMessage(ticket.id).chain(parent -> Customer.<Customer>findById(ticket.customerId)
                .chain(customer -> customers.identityOf(customer.id, CustomerIdentity.EMAIL).chain(recipient -> {
                    TicketMessage reply = agentMessage(ticket, request, parent, now);
                    boolean first = ticket.firstRespondedAt == null;
                    if (first) {
                        ticket.firstRespondedAt = now;
                    }
                    ticket.updatedAt = now;
                    if (before == TicketStatus.NEW) {
                        ticket.moveTo(TicketStatus.OPEN, now);
                    }
                    MessageSend send = new MessageSend("reply:" + reply.id, KIND, ticket.id.toString(), customer.id.toString(),
                            ticket.channel, recipient == null ? null : recipient.toEvent(), replySubject(ticket.subject),
                            reply.text, null, new ThreadRefs(reply.messageId, reply.inReplyTo, reply.references(), null),
                            events.customerRef(customer, recipient).locale(), now);
                    Uni<Void> work = reply.persist().chain(() -> events.replied(ticket, reply, first));
                    if (before != ticket.status()) {
                        work = work.chain(() -> events.statusChanged(ticket, before, ticket.status(), request.agentId(), "agent_replied", now));
                    }
                    return work.chain(() -> events.send(ticket, send)).replaceWith(new Reply(reply, ticket, first));
                })));
    }

    private TicketMessage agentMessage(Ticket ticket, ReplyRequest request, TicketMessage parent, Instant now) {
        TicketMessage m = new TicketMessage();
        m.id = UUID.randomUUID();
        m.ticketId = ticket.id;
        m.direction = TicketMessage.OUTBOUND;
        m.authorType = TicketMessage.AGENT;
        m.authorId = request.agentId().trim();
        m.authorName = request.agentName().trim();
        m.channel = ticket.channel;
        m.messageId = Threading.newMessageId(m.id, config.messageIdDomain());
        m.inReplyTo = parent == null ? null : parent.messageId;
        m.references(Threading.replyChain(parent));
        m.text = request.body();
        m.createdAt = now;
        return m;
    }

    private static Uni<TicketMessage> lastCustomerMessage(UUID ticketId) {
        return TicketMessage.<TicketMessage>find("ticketId = ?1 and direction = ?2 order by seq desc", ticketId, TicketMessage.INBOUND)
                .firstResult();
    }

    /** "Re: " once, however often the conversation went back and forth. */
    static String replySubject(String subject) {
        return subject.toLowerCase(Locale.ROOT).startsWith("re:") ? subject : "Re: " + subject;
    }

    private void validate(ReplyRequest request) {
        if (request == null) {
            Problems.validate().check(false, "body", "must not be blank").orFail();
        }
        Problems.validate()
                .check(!Problems.blank(request.body()), "body", "must not be blank")
                .check(request.body() == null || request.body().getBytes(StandardCharsets.UTF_8).length <= config.reply().maxBodyBytes(),
                        "body", "must be at most " + config.reply().maxBodyBytes() + " bytes")
                .check(!Problems.blank(request.agentId()), "agentId", "must not be blank")
                .check(!Problems.blank(request.agentName()), "agentName", "must not be blank")
                .orFail();
    }
}
