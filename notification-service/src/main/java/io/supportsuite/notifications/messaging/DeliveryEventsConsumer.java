package io.supportsuite.notifications.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.delivery.DeliveryFailed;
import io.supportsuite.notifications.service.DeliveryResults;
import io.supportsuite.runtime.inbox.Inbox;
import io.supportsuite.runtime.inbox.IncomingEvent;

/** {@code support.delivery.v1}: a customer message that failed for good falls back to the next channel. */
@ApplicationScoped
public class DeliveryEventsConsumer {

    private final SchemaGate schema;
    private final Inbox inbox;
    private final DeliveryResults results;

    public DeliveryEventsConsumer(SchemaGate schema, Inbox inbox, DeliveryResults results) {
        this.schema = schema;
        this.inbox = inbox;
        this.results = results;
    }

    @Incoming("delivery")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        return schema.open().chain(() -> EventTypes.DELIVERY_FAILED.equals(event.type())
                ? inbox.handleOnce(InboxConsumer.NAME, event, e -> results.failed(inbox.read(e, DeliveryFailed.class)))
                        .replaceWithVoid()
                : Uni.createFrom().voidItem()); // successes and bounces are not acted on here
    }
}
