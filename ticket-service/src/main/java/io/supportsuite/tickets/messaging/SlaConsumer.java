package io.supportsuite.tickets.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.runtime.inbox.Inbox;
import io.supportsuite.runtime.inbox.IncomingEvent;
import io.supportsuite.tickets.callback.CallbackIntake;
import io.supportsuite.tickets.sla.SlaUpdates;

/**
 * SLA events from {@code support.sla.v1} (sla.clock.*, sla.warning, sla.breached, sla.met): each handled once
 * (the inbox) into the ticket's timeline and SLA standing; a live contact's pickup clock is no ticket's, and its breach
 * becomes a callback (R3). Other event types are acknowledged and skipped.
 */
@ApplicationScoped
public class SlaConsumer {

    public static final String CONSUMER = "ticket-service-sla";

    private final Inbox inbox;
    private final SlaUpdates updates;
    private final CallbackIntake callbacks;

    public SlaConsumer(Inbox inbox, SlaUpdates updates, CallbackIntake callbacks) {
        this.inbox = inbox;
        this.updates = updates;
        this.callbacks = callbacks;
    }

    @Incoming("sla")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!SlaUpdates.handles(event.type())) {
            return Uni.createFrom().voidItem();
        }
        return inbox.handleOnce(CONSUMER, event, e -> callbacks.isPickup(e) ? callbacks.pickup(e) : updates.apply(e))
                .invoke(handled -> {
                    if (!handled) {
                        Log.debugf("SLA event %s already handled", event.id());
                    }
                })
                .replaceWithVoid();
    }
}
