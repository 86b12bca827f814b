package io.supportsuite.sla.messaging;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.ticket.TicketCreated;
import io.supportsuite.events.ticket.TicketMessageAdded;
import io.supportsuite.events.ticket.TicketReplied;
import io.supportsuite.events.ticket.TicketStatusChanged;
import io.supportsuite.runtime.inbox.Inbox;
import io.supportsuite.runtime.inbox.IncomingEvent;
import io.supportsuite.sla.metrics.SlaMetrics;
import io.supportsuite.sla.service.ClockService;
import io.supportsuite.sla.service.Tally;

/**
 * {@code support.tickets.v1} in: each handled event changes clocks and appends their events in one
 * transaction with its inbox record, so a redelivery changes nothing. Other ticket events are acknowledged
 * and ignored.
 */
@ApplicationScoped
public class TicketEventsConsumer {

    static final String CONSUMER = "sla-monitor";

    private final Inbox inbox;
    private final ClockService clocks;
    private final SlaMetrics metrics;

    public TicketEventsConsumer(Inbox inbox, ClockService clocks, SlaMetrics metrics) {
        this.inbox = inbox;
        this.clocks = clocks;
        this.metrics = metrics;
    }

    @Incoming("tickets")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        Function<IncomingEvent, Uni<Tally>> effect = effectOf(event.type());
        if (effect == null) {
            return Uni.createFrom().voidItem();
        }
        AtomicReference<Tally> tally = new AtomicReference<>(Tally.NONE);
        return inbox.handleOnce(CONSUMER, event, e -> effect.apply(e).invoke(tally::set).replaceWithVoid())
                .invoke(handled -> {
                    if (handled) {
                        metrics.count(tally.get());
                    }
                })
                .replaceWithVoid();
    }

    private Function<IncomingEvent, Uni<Tally>> effectOf(String type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case EventTypes.TICKET_CREATED -> e -> clocks.ticketCreated(inbox.read(e, TicketCreated.class), e.time());
            case EventTypes.TICKET_STATUS_CHANGED ->
                e -> clocks.statusChanged(inbox.read(e, TicketStatusChanged.class), e.time());
            case EventTypes.TICKET_MESSAGE_ADDED -> e -> clocks.customerWrote(inbox.read(e, TicketMessageAdded.class), e.time());
            case EventTypes.TICKET_REPLIED -> e -> clocks.replied(inbox.read(e, TicketReplied.class), e.time());
            default -> null;
        };
    }
}
