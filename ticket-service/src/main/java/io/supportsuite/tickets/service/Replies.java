package io.supportsuite.tickets.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.common.ThreadRefs;
import io.supportsuite.events.outbound.MessageSend;
import io.supportsuite.runtime.problem.ProblemException;
import io.supportsuite.tickets.agent.Agent;
import io.supportsuite.tickets.agent.CurrentAgent;
import io.supportsuite.tickets.agent.Team;
import io.supportsuite.tickets.api.ReplyRequest;
import io.supportsuite.tickets.canned.CannedResponse;
import io.supportsuite.tickets.canned.Placeholders;
import io.supportsuite.tickets.config.TicketsConfig;
import io.supportsuite.tickets.customer.Customer;
import io.supportsuite.tickets.customer.CustomerDirectory;
import io.supportsuite.tickets.customer.CustomerIdentity;
import io.supportsuite.tickets.ticket.Ticket;
import io.supportsuite.tickets.ticket.TicketMessage;
import io.supportsuite.tickets.ticket.TicketStatus;
import io.supportsuite.tickets.visibility.Visibility;

/**
 * A public agent reply: stored on the transcript with a Message-ID of ours (so the customer's answer threads
 * back, C3), announced as {@code ticket.replied} (the first one is the first response, R1) and sent to the
 * customer as a {@code message.send} — all in one transaction.
 */
@ApplicationScoped
public class Replies {

    static final String KIND = "agent_reply";

    private final CustomerDirectory customers;
    private final CurrentAgent current;
    private final TicketEvents events;
    private final TicketMetrics metrics;
    private final TicketsConfig config;
    private final Visibility visibility;
    private final Clock clock;

    public Replies(CustomerDirectory customers, CurrentAgent current, TicketEvents events, TicketMetrics metrics, TicketsConfig config,
            Visibility visibility, Clock clock) {
        this.visibility = visibility;
        this.customers = customers;
        this.current = current;
        this.events = events;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    /** Outcome of a reply, for the answer and the metrics. */
    private record Reply(TicketMessage message, Ticket ticket, boolean firstResponse) {
    }

    public Uni<TicketMessage> reply(UUID ticketId, ReplyRequest request) {
        UUID canned = validate(request);
        return Panache.withTransaction(() -> current.agent().chain(agent -> Ticket.<Ticket>findById(ticketId, LockModeType.PESSIMISTIC_WRITE)
                .chain(found -> visibility.require(agent, found, ticketId))
                .chain(ticket -> author(ticket, agent, request, canned).chain(author -> store(ticket, author)))))
                .invoke(reply -> {
                    metrics.replied(reply.ticket().channel, reply.firstResponse(),
                            Duration.between(reply.ticket().createdAt, reply.message().createdAt));
                    Log.infof("Agent %s replied on ticket #%d %s (first response: %s)", reply.message().authorId,
                            reply.ticket().number, reply.ticket().id, reply.firstResponse());
                })
                .map(Reply::message);
    }

    /** Who replies and what, the placeholders filled (C5, N7). */
    private record Authored(String agentId, String agentName, String template, String team) {
    }

    private Uni<Authored> author(Ticket ticket, Agent agent, ReplyRequest request, UUID cannedId) {
        Uni<String> cannedText = cannedId == null ? Uni.createFrom().nullItem()
                : CannedResponse.<CannedResponse>findById(cannedId).onItem().ifNull()
                        .failWith(() -> ProblemException.invalidField("cannedResponseId", "no such canned response")).map(c -> c.body);
        return cannedText.chain(text -> teamName(ticket, agent).map(team -> {
            String body = Problems.blank(request.body()) ? null : request.body();
            String template = text == null ? body : body == null ? text : text + "\n\n" + body;
            return new Authored(Problems.blank(request.agentId()) ? agent.id.toString() : request.agentId().trim(),
                    Problems.blank(request.agentName()) ? agent.name : request.agentName().trim(), template, team);
        }));
    }

    /** The ticket's team, else the agent's first team by name; null when neither has one. */
    private static Uni<String> teamName(Ticket ticket, Agent agent) {
        if (ticket.teamId != null) {
            return Team.<Team>findById(ticket.teamId).map(t -> t == null ? null : t.name);
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT t.name FROM team t JOIN agent_team a ON a.team_id = t.id "
                + "WHERE a.agent_id = :agent ORDER BY t.name LIMIT 1", String.class).setParameter("agent", agent.id).getResultList())
                .map(names -> names.isEmpty() ? null : names.get(0));
    }

    private Uni<Reply> store(Ticket ticket, Authored author) {
        TicketStatus before = ticket.status();
        if (before == TicketStatus.CLOSED) {
            throw ProblemException.conflict("ticket-closed", "Ticket " + ticket.number + " is closed; a reply needs a new ticket");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return lastCustomerMessage(ticket.id).chain(parent -> Customer.<Customer>findById(ticket.customerId)
                .chain(customer -> customers.identityOf(customer.id, CustomerIdentity.EMAIL).chain(recipient -> {
                    String text = fill(ticket, customer, author);
                    if (text.getBytes(StandardCharsets.UTF_8).length > config.reply().maxBodyBytes()) {
                        throw ProblemException.invalidField("body", "must be at most " + config.reply().maxBodyBytes() + " bytes");
                    }
                    TicketMessage reply = agentMessage(ticket, author, text, parent, now);
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
                        work = work.chain(() -> events.statusChanged(ticket, before, ticket.status(), author.agentId(), "agent_replied", now));
                    }
                    return work.chain(() -> events.send(ticket, send)).replaceWith(new Reply(reply, ticket, first));
                })));
    }

    /**
     * The reply as the customer would read it, placeholders filled, without storing or sending anything: what the
     * console shows when an agent picks a canned response.
     */
    public Uni<String> preview(UUID ticketId, ReplyRequest request) {
        UUID canned = validate(request);
        return Panache.withSession(() -> current.agent().chain(agent -> Ticket.<Ticket>findById(ticketId)
                .onItem().ifNull().failWith(() -> Problems.ticketNotFound(ticketId))
                .chain(ticket -> author(ticket, agent, request, canned).chain(author -> Customer.<Customer>findById(ticket.customerId)
                        .map(customer -> fill(ticket, customer, author))))));
    }

    /** The placeholders of C5, filled (N7). */
    private static String fill(Ticket ticket, Customer customer, Authored author) {
        return Placeholders.fill(author.template(), Map.of(Placeholders.CUSTOMER_NAME, nonNull(customer.name),
                Placeholders.TICKET_NUMBER, String.valueOf(ticket.number), Placeholders.AGENT_NAME, author.agentName(),
                Placeholders.AGENT_TEAM, nonNull(author.team())));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private TicketMessage agentMessage(Ticket ticket, Authored author, String text, TicketMessage parent, Instant now) {
        TicketMessage m = new TicketMessage();
        m.id = UUID.randomUUID();
        m.ticketId = ticket.id;
        m.direction = TicketMessage.OUTBOUND;
        m.authorType = TicketMessage.AGENT;
        m.authorId = author.agentId();
        m.authorName = author.agentName();
        m.channel = ticket.channel;
        m.messageId = Threading.newMessageId(m.id, config.messageIdDomain());
        m.inReplyTo = parent == null ? null : parent.messageId;
        m.references(Threading.replyChain(parent));
        m.text = text;
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

    /** Checks the request; answers the canned response's id, if one is named. */
    private UUID validate(ReplyRequest request) {
        boolean hasBody = request != null && !Problems.blank(request.body());
        String cannedId = request == null ? null : request.cannedResponseId();
        Problems.validate()
                .check(hasBody || !Problems.blank(cannedId), "body", "must not be blank")
                .check(!hasBody || request.body().getBytes(StandardCharsets.UTF_8).length <= config.reply().maxBodyBytes(),
                        "body", "must be at most " + config.reply().maxBodyBytes() + " bytes")
                .orFail();
        return Problems.optionalId(cannedId, "cannedResponseId");
    }
}
