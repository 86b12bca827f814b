package io.supportsuite.sla.messaging;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;

import io.smallrye.mutiny.Uni;
import io.supportsuite.runtime.inbox.Inbox;
import io.supportsuite.runtime.inbox.IncomingEvent;
import io.supportsuite.sla.metrics.SlaMetrics;
import io.supportsuite.sla.service.Tally;

/**
 * How every incoming record is handled: its effect on clocks and the events it causes commit in one
 * transaction with its inbox record, so a redelivery changes nothing; a poll of records shares that transaction
 * (an unreadable or failing event is dead-lettered alone); the metrics count only what committed.
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

    /** A poll of records in one transaction ({@link Inbox#handleEachOnce}); the metrics count what committed. */
    public Uni<Void> handle(ConsumerRecords<String, String> records, Map<String, Function<IncomingEvent, Uni<Tally>>> effects) {
        Map<IncomingEvent, Tally> tallies = new IdentityHashMap<>();
        return inbox.handleEachOnce(CONSUMER, records, event -> {
            Function<IncomingEvent, Uni<Tally>> effect = event.type() == null ? null : effects.get(event.type());
            return effect == null ? null : e -> effect.apply(e).invoke(tally -> tallies.put(e, tally)).replaceWithVoid();
        }).invoke(handled -> handled.forEach(event -> metrics.count(tallies.getOrDefault(event, Tally.NONE))))
                .replaceWithVoid();
    }

    /** The event's body as its record type (unreadable: dead-lettered, not retried). */
    public <T> T read(IncomingEvent event, Class<T> type) {
        return inbox.read(event, type);
    }
}
