package io.supportsuite.gateway.delivery;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.outbound.MessageSend;
import io.supportsuite.runtime.inbox.Inbox;
import io.supportsuite.runtime.inbox.IncomingEvent;

/**
 * {@code message.send} commands from {@code support.outbound.v1}; other event types are acknowledged and skipped.
 * The command is claimed once (inbox and delivery row in one transaction), then sent outside it.
 */
@ApplicationScoped
public class OutboundConsumer {

    static final String CONSUMER = "channel-gateway.outbound";

    private final Inbox inbox;
    private final DeliveryService deliveries;

    public OutboundConsumer(Inbox inbox, DeliveryService deliveries) {
        this.inbox = inbox;
        this.deliveries = deliveries;
    }

    @Incoming("support-outbound")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!EventTypes.MESSAGE_SEND.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        AtomicReference<DeliveryService.Claim> claimed = new AtomicReference<>();
        return inbox.handleOnce(CONSUMER, event, e -> {
            claimed.set(null);
            MessageSend command = inbox.read(e, MessageSend.class);
            // Without an idempotency key, the event id is the best identity a command has.
            String key = command.idempotencyKey() == null || command.idempotencyKey().isBlank() ? "event:" + e.id()
                    : command.idempotencyKey();
            return deliveries.claim(key, command).invoke(claimed::set).replaceWithVoid();
        }).chain(() -> claimed.get() == null ? Uni.createFrom().voidItem() : deliveries.send(claimed.get()));
    }
}
