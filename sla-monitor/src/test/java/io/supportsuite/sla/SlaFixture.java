package io.supportsuite.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.supportsuite.devstack.testing.TopicProbe;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.common.CustomerRef;
import io.supportsuite.events.common.Identity;
import io.supportsuite.events.common.ThreadRefs;
import io.supportsuite.events.contact.ContactAbandoned;
import io.supportsuite.events.contact.ContactAnswered;
import io.supportsuite.events.contact.ContactOffered;
import io.supportsuite.events.ticket.CallbackCompleted;
import io.supportsuite.events.ticket.CallbackScheduled;
import io.supportsuite.events.ticket.TicketAssigned;
import io.supportsuite.events.ticket.TicketCreated;
import io.supportsuite.events.ticket.TicketMessageAdded;
import io.supportsuite.events.ticket.TicketReplied;
import io.supportsuite.events.ticket.TicketStatusChanged;

/**
 * The service's test fixture: puts ticket events on {@code support.tickets.v1} as ticket-service's outbox
 * would, and reads what sla-monitor put on {@code support.sla.v1}.
 */
final class SlaFixture implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);

    private final TopicProbe probe;
    private final ObjectMapper mapper;

    SlaFixture(String bootstrapServers, ObjectMapper mapper) {
        this.probe = new TopicProbe(bootstrapServers, Topics.SLA);
        this.mapper = mapper;
    }

    static String newTicketId() {
        return UUID.randomUUID().toString();
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** {@code ticket.created} for a customer of the given segment; returns its {@code ce_id}. */
    String ticketCreated(String ticketId, Instant createdAt, String segment) {
        return ticketCreatedWithId(UUID.randomUUID().toString(), ticketId, createdAt, segment);
    }

    /** {@code ticket.created} with the facts a policy matches on (R6): channel, priority, segment, team. */
    String ticketCreated(String ticketId, Instant createdAt, String segment, String channel, String priority, String team) {
        Identity email = new Identity("email", "ana@example.org", null, "Ana");
        CustomerRef customer = new CustomerRef(UUID.randomUUID().toString(), "Ana", "en", "UTC", segment, List.of(email));
        return send(UUID.randomUUID().toString(), EventTypes.TICKET_CREATED, ticketId, new TicketCreated(ticketId, 1,
                "Where is my order?", channel, "new", priority, team, null, customer, null, null, createdAt));
    }

    String ticketCreatedWithId(String ceId, String ticketId, Instant createdAt, String segment) {
        Identity email = new Identity("email", "ana@example.org", null, "Ana");
        CustomerRef customer = new CustomerRef(UUID.randomUUID().toString(), "Ana", "en", "UTC", segment, List.of(email));
        ThreadRefs thread = new ThreadRefs("m-" + ticketId + "@mail.example", null, List.of(), null);
        return send(ceId, EventTypes.TICKET_CREATED, ticketId, new TicketCreated(ticketId, 1, "Where is my order?", "email",
                "new", "normal", null, null, customer, thread.messageId(), thread, createdAt));
    }

    String statusChanged(String ticketId, String from, String to, Instant at) {
        return send(UUID.randomUUID().toString(), EventTypes.TICKET_STATUS_CHANGED, ticketId,
                new TicketStatusChanged(ticketId, from, to, "agent-1", null, at));
    }

    String replied(String ticketId, Instant at) {
        return repliedWithId(UUID.randomUUID().toString(), ticketId, at);
    }

    String repliedWithId(String ceId, String ticketId, Instant at) {
        return send(ceId, EventTypes.TICKET_REPLIED, ticketId,
                new TicketReplied(ticketId, UUID.randomUUID().toString(), "agent-1", "Bo", "support", "email", true, at));
    }

    String repliedBy(String ticketId, String agentId, String agentName, Instant at) {
        return send(UUID.randomUUID().toString(), EventTypes.TICKET_REPLIED, ticketId,
                new TicketReplied(ticketId, UUID.randomUUID().toString(), agentId, agentName, "support", "email", true, at));
    }

    String assigned(String ticketId, String agentId, String agentName, Instant at) {
        return send(UUID.randomUUID().toString(), EventTypes.TICKET_ASSIGNED, ticketId,
                new TicketAssigned(ticketId, null, agentId, agentName, at));
    }

    String customerWrote(String ticketId, Instant at) {
        return send(UUID.randomUUID().toString(), EventTypes.TICKET_MESSAGE_ADDED, ticketId,
                new TicketMessageAdded(ticketId, UUID.randomUUID().toString(), "email", null, "open", false, at));
    }

    String contactOffered(String contactId, String channel, Instant at) {
        return sendTo(Topics.CONTACT, UUID.randomUUID().toString(), EventTypes.CONTACT_OFFERED, contactId,
                new ContactOffered(contactId, channel, new Identity("phone", "+37120000000", null, "Ana"), "support", at));
    }

    String contactAnswered(String contactId, String channel, Instant at) {
        return contactAnsweredBy(contactId, channel, "agent-1", at);
    }

    String contactAnsweredBy(String contactId, String channel, String agentId, Instant at) {
        return sendTo(Topics.CONTACT, UUID.randomUUID().toString(), EventTypes.CONTACT_ANSWERED, contactId,
                new ContactAnswered(contactId, channel, agentId, at));
    }

    String contactAbandoned(String contactId, String channel, Instant at) {
        return sendTo(Topics.CONTACT, UUID.randomUUID().toString(), EventTypes.CONTACT_ABANDONED, contactId,
                new ContactAbandoned(contactId, channel, null, at));
    }

    String callbackScheduled(String ticketId, String callbackId, Instant scheduledAt, Instant dueAt) {
        return send(UUID.randomUUID().toString(), EventTypes.CALLBACK_SCHEDULED, ticketId,
                new CallbackScheduled(callbackId, ticketId, null, "agent-1", null, dueAt, scheduledAt));
    }

    String callbackCompleted(String ticketId, String callbackId, Instant at) {
        return send(UUID.randomUUID().toString(), EventTypes.CALLBACK_COMPLETED, ticketId,
                new CallbackCompleted(callbackId, ticketId, "agent-1", "reached", at));
    }

    /** The first {@code support.sla.v1} record of this type about the ticket, read as {@code type}. */
    <T> T await(String ticketId, String ceType, Class<T> type) {
        return read(awaitRecord(ticketId, ceType, WAIT), type);
    }

    ConsumerRecord<String, String> awaitRecord(String ticketId, String ceType, Duration timeout) {
        return probe.await(r -> ticketId.equals(r.key()) && ceType.equals(TopicProbe.header(r, "ce_type")), timeout);
    }

    /** Every {@code support.sla.v1} record about the ticket, after listening {@code quiet} longer. */
    List<ConsumerRecord<String, String>> records(String ticketId, Duration quiet) {
        return probe.drain(quiet).stream().filter(r -> ticketId.equals(r.key())).toList();
    }

    /** The CloudEvent types of {@link #records}, in topic order, without the common prefix. */
    List<String> types(String ticketId, Duration quiet) {
        return records(ticketId, quiet).stream()
                .map(r -> TopicProbe.header(r, "ce_type").replace("support.", "").replace(".v1", "")).toList();
    }

    <T> T read(ConsumerRecord<String, String> record, Class<T> type) {
        try {
            return mapper.readValue(record.value(), type);
        } catch (Exception e) {
            throw new AssertionError("Unreadable " + type.getSimpleName() + ": " + record.value(), e);
        }
    }

    /** A customer event (C2) as ticket-service publishes it: on the tickets topic, keyed by the kept customer. */
    String customerEvent(String ceId, String ceType, String keptCustomerId, Object body) {
        return sendTo(Topics.TICKETS, ceId, ceType, keptCustomerId, body);
    }

    /** A {@code ticket.created} whose body no consumer can read (poison); returns its {@code ce_id}. */
    String unreadableTicketCreated(String ticketId) {
        return probe.send(Topics.TICKETS, ticketId, EventTypes.TICKET_CREATED, UUID.randomUUID().toString(),
                "{\"ticketId\": [\"not a ticket");
    }

    private String send(String ceId, String ceType, String ticketId, Object body) {
        return sendTo(Topics.TICKETS, ceId, ceType, ticketId, body);
    }

    private String sendTo(String topic, String ceId, String ceType, String key, Object body) {
        try {
            return probe.send(topic, key, ceType, ceId, mapper.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        probe.close();
    }
}
