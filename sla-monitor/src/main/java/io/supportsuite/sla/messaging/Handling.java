package io.supportsuite.sla.messaging;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.smallrye.mutiny.Uni;
import io.supportsuite.runtime.inbox.Inbox;
import io.supportsuite.runtime.inbox.IncomingEvent;
import io.supportsuite.sla.metrics.SlaMetrics;
import io.supportsuite.sla.service.Tally;

/**
 * How every incoming record is handled: its effect on clocks and the events it causes commit in one
 * transaction with its inbox record, so a redelivery changes nothing; the metrics count only what committed.
 * Types without an effect are acknowledged and ignored.
 */
@ApplicationScoped
public class Handling {

    static final String CONSUMER = "sla-monitor";

    private final Inbox inbox;
    private final SlaMetrics metrics;

    public Handling(Inbox inbox, SlaMetrics metrics) {
        this.inbox = inbox;
        this.metrics = metrics;
    }

    public Uni<Void> handle(ConsumerRecord<String, String> record, Map<String, Function<IncomingEvent, Uni<Tally>>> effects) {
        IncomingEvent event = IncomingEvent.of(record);
        Function<IncomingEvent, Uni<Tally>> effect = event.type() == null ? null : effects.get(event.type());
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

    /** The event's body as its record type (unreadable: dead-lettered, not retried). */
    public <T> T read(IncomingEvent event, Class<T> type) {
        return inbox.read(event, type);
    }
}
