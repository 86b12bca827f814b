package io.supportsuite.tickets.messaging;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.inbound.MessageReceived;
import io.supportsuite.runtime.inbox.Inbox;
import io.supportsuite.runtime.inbox.IncomingEvent;
import io.supportsuite.tickets.service.InboundMessages;
import io.supportsuite.tickets.service.InboundOutcome;
import io.supportsuite.tickets.service.TicketMetrics;

/**
 * Customer messages from {@code support.inbound.v1}: each handled once (the inbox), turned into a ticket or
 * threaded onto one, with the events in the same transaction. Other event types are acknowledged and skipped.
 */
@ApplicationScoped
public class InboundConsumer {

    static final String CONSUMER = "ticket-service";

    private final Inbox inbox;
    private final InboundMessages messages;
    private final TicketMetrics metrics;

    public InboundConsumer(Inbox inbox, InboundMessages messages, TicketMetrics metrics) {
        this.inbox = inbox;
        this.messages = messages;
        this.metrics = metrics;
    }

    @Incoming("inbound")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!EventTypes.MESSAGE_RECEIVED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        AtomicReference<InboundOutcome> outcome = new AtomicReference<>();
        return inbox.handleOnce(CONSUMER, event, e -> messages.receive(readable(e)).invoke(outcome::set).replaceWithVoid())
                .invoke(handled -> {
                    if (handled) {
                        metrics.inbound(outcome.get());
                    } else {
                        Log.debugf("Event %s already handled", event.id());
                    }
                })
                .replaceWithVoid();
    }

    /** A message without a sender or channel cannot become a ticket: poison, for the dead-letter topic. */
    private MessageReceived readable(IncomingEvent event) {
        MessageReceived message = inbox.read(event, MessageReceived.class);
        if (message.channel() == null || message.channel().isBlank()) {
            throw new Inbox.UnreadableEventException(event, new IllegalArgumentException("no channel"));
        }
        if (message.sender() == null || message.sender().kind() == null || message.sender().value() == null
                || message.sender().value().isBlank()) {
            throw new Inbox.UnreadableEventException(event, new IllegalArgumentException("no sender identity"));
        }
        return message;
    }
}
