package io.supportsuite.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.supportsuite.devstack.testing.TopicProbe;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.common.CustomerRef;
import io.supportsuite.events.common.Identity;
import io.supportsuite.events.common.ThreadRefs;
import io.supportsuite.events.sla.ClockRef;
import io.supportsuite.events.sla.SlaBreached;
import io.supportsuite.events.sla.SlaClockStarted;
import io.supportsuite.events.sla.SlaWarning;
import io.supportsuite.events.ticket.TicketCreated;
import io.supportsuite.events.ticket.TicketMessageAdded;
import io.supportsuite.events.ticket.TicketReplied;
import io.supportsuite.events.ticket.TicketStatusChanged;

/**
 * The one fixture of this module's tests: tickets and SLA events exactly as ticket-service and sla-monitor put
 * them on their topics (binary CloudEvents keyed by ticket id, bodies serialised from the shared records).
 */
final class SpineEvents implements AutoCloseable {

    private static final AtomicLong NUMBERS = new AtomicLong(1000);

    /** A customer's ticket as the test knows it. */
    record Ticket(String id, long number, String subject, String email, String name, String locale, String timeZone,
            String messageId, String customerId) {

        /** The same customer, another of their tickets. */
        Ticket another() {
            Ticket next = ticket(timeZone, locale);
            return new Ticket(next.id(), next.number(), next.subject(), email, name, locale, timeZone, next.messageId(),
                    customerId);
        }
    }

    private final ObjectMapper mapper;
    private final TopicProbe probe;

    SpineEvents(ObjectMapper mapper, String bootstrapServers) {
        this.mapper = mapper;
        this.probe = new TopicProbe(bootstrapServers);
    }

    /**
     * A time zone where it is about midday now. Non-urgent messages (follow-ups, surveys) wait out quiet hours
     * (21:00–08:00 in the customer's zone), so a test that expects one at once must not depend on the hour it runs.
     */
    static String daytimeZone() {
        int offset = 12 - java.time.LocalTime.now(java.time.ZoneOffset.UTC).getHour();
        return offset == 0 ? "UTC" : java.time.ZoneOffset.ofHours(offset).getId();
    }

    static Ticket ticket(String timeZone) {
        return ticket(timeZone, "en");
    }

    static Ticket ticket(String timeZone, String locale) {
        String id = UUID.randomUUID().toString();
        String tag = id.substring(0, 8);
        return new Ticket(id, NUMBERS.incrementAndGet(), "Printer on fire " + tag, "anna." + tag + "@mail.example",
                "Anna Berzina", locale, timeZone, tag + "-first@mail.example", "cust-" + id);
    }

    static TicketCreated created(Ticket t) {
        return created(t, null);
    }

    static TicketCreated created(Ticket t, String team) {
        return created(t, team, "standard");
    }

    /** {@code segment}: {@code standard} or {@code vip} (R6). */
    static TicketCreated created(Ticket t, String team, String segment) {
        Identity email = new Identity("email", t.email(), null, t.name());
        CustomerRef customer = new CustomerRef(t.customerId(), t.name(), t.locale(), t.timeZone(), segment, List.of(email));
        return new TicketCreated(t.id(), t.number(), t.subject(), "email", "new", "normal", team, null, customer, t.messageId(),
                new ThreadRefs(t.messageId(), null, List.of(), null), Instant.now());
    }

    static ClockRef clock(String ticketId, String kind, Instant deadline) {
        long budget = Duration.ofHours(10).toSeconds();
        return new ClockRef("clock-" + kind + "-" + ticketId, ticketId, kind, "default", "email", "normal", deadline, 0, budget);
    }

    static SlaClockStarted clockStarted(String ticketId, Instant deadline) {
        return new SlaClockStarted(clock(ticketId, "first_response", deadline), deadline.minus(Duration.ofHours(10)));
    }

    static SlaBreached breached(String ticketId, String kind, Instant deadline, Instant firedAt) {
        return new SlaBreached(clock(ticketId, kind, deadline), firedAt);
    }

    /** Puts ticket.created on support.tickets.v1; returns its ce_id (send it again to redeliver). */
    String sendCreated(Ticket t) {
        return send(Topics.TICKETS, t.id(), EventTypes.TICKET_CREATED, UUID.randomUUID().toString(), created(t));
    }

    String sendCreated(Ticket t, String team) {
        return send(Topics.TICKETS, t.id(), EventTypes.TICKET_CREATED, UUID.randomUUID().toString(), created(t, team));
    }

    String sendClockStarted(String ticketId, Instant deadline) {
        return send(Topics.SLA, ticketId, EventTypes.SLA_CLOCK_STARTED, UUID.randomUUID().toString(),
                clockStarted(ticketId, deadline));
    }

    String sendBreached(SlaBreached breach) {
        return send(Topics.SLA, breach.clock().ticketId(), EventTypes.SLA_BREACHED, UUID.randomUUID().toString(), breach);
    }

    String sendStatus(String ticketId, String from, String to) {
        return send(Topics.TICKETS, ticketId, EventTypes.TICKET_STATUS_CHANGED, UUID.randomUUID().toString(),
                new TicketStatusChanged(ticketId, from, to, "agent-1", null, Instant.now()));
    }

    String sendReplied(String ticketId, String agentName, String team) {
        return send(Topics.TICKETS, ticketId, EventTypes.TICKET_REPLIED, UUID.randomUUID().toString(),
                new TicketReplied(ticketId, "reply-" + UUID.randomUUID(), "agent-" + agentName.hashCode(), agentName, team,
                        "email", true, Instant.now()));
    }

    String sendCustomerWrote(String ticketId) {
        return send(Topics.TICKETS, ticketId, EventTypes.TICKET_MESSAGE_ADDED, UUID.randomUUID().toString(),
                new TicketMessageAdded(ticketId, "msg-" + UUID.randomUUID(), "email", null, "open", false, Instant.now()));
    }

    String sendWarning(String ticketId, Instant deadline, int stagePercent) {
        return send(Topics.SLA, ticketId, EventTypes.SLA_WARNING, UUID.randomUUID().toString(),
                new SlaWarning(clock(ticketId, "first_response", deadline), stagePercent, Instant.now()));
    }

    /** One binary-mode CloudEvent; the same {@code ceId} again is a redelivery. */
    String send(String topic, String key, String type, String ceId, Object body) {
        try {
            return probe.send(topic, key, type, ceId, mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        probe.close();
    }
}
