package io.supportsuite.notifications;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.supportsuite.devstack.testing.TopicProbe;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.outbound.MessageSend;

/** What the service put on support.outbound.v1 (customer messages) and support.tickets.v1 (its ticket events). */
final class Outbound implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern LINK = Pattern.compile("http://[^\\s]+/(surveys|unsubscribe)/([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");

    private final ObjectMapper mapper;
    private final TopicProbe probe;

    Outbound(ObjectMapper mapper, String bootstrap) {
        this.mapper = mapper;
        this.probe = new TopicProbe(bootstrap, Topics.OUTBOUND, Topics.TICKETS);
    }

    /** The first message.send for the ticket whose idempotency key starts with {@code keyPrefix} (e.g. "follow_up:"). */
    MessageSend await(String ticketId, String keyPrefix) {
        return read(probe.await(r -> is(r, ticketId, keyPrefix), WAIT));
    }

    /** All message.send records for the ticket with that key prefix, after {@code quiet} more of listening. */
    List<MessageSend> all(String ticketId, String keyPrefix, Duration quiet) {
        return probe.drain(quiet).stream().filter(r -> is(r, ticketId, keyPrefix)).map(this::read).toList();
    }

    /** The first event of this type the service published about the ticket on support.tickets.v1. */
    ConsumerRecord<String, String> awaitTicketEvent(String ticketId, String type) {
        return probe.await(r -> Topics.TICKETS.equals(r.topic()) && ticketId.equals(r.key())
                && type.equals(TopicProbe.header(r, "ce_type")), WAIT);
    }

    List<ConsumerRecord<String, String>> ticketEvents(String ticketId, String type, Duration quiet) {
        return probe.drain(quiet).stream().filter(r -> Topics.TICKETS.equals(r.topic()) && ticketId.equals(r.key())
                && type.equals(TopicProbe.header(r, "ce_type"))).toList();
    }

    /** The path (e.g. /surveys/<token>) of the first survey or unsubscribe link in the text. */
    static String link(String text, String kind) {
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(kind)) {
                return "/" + kind + "/" + m.group(2);
            }
        }
        throw new AssertionError("No " + kind + " link in: " + text);
    }

    private boolean is(ConsumerRecord<String, String> r, String ticketId, String keyPrefix) {
        return Topics.OUTBOUND.equals(r.topic()) && ticketId.equals(r.key())
                && EventTypes.MESSAGE_SEND.equals(TopicProbe.header(r, "ce_type"))
                && r.value().contains("\"idempotencyKey\":\"" + keyPrefix);
    }

    private MessageSend read(ConsumerRecord<String, String> r) {
        try {
            return mapper.readValue(r.value(), MessageSend.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        probe.close();
    }
}
