package io.supportsuite.tickets.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.supportsuite.events.EventTypes;
import io.supportsuite.runtime.inbox.Inbox;
import io.supportsuite.runtime.inbox.IncomingEvent;
import io.supportsuite.tickets.callback.CallbackIntake;

/**
 * Live contacts from {@code support.contact.v1}: who is on the line ({@code contact.offered}) and the customers'
 * callback requests (R3), each handled once (the inbox). Other event types are skipped.
 */
@ApplicationScoped
public class ContactConsumer {

    static final String CONSUMER = "ticket-service-contact";

    private final Inbox inbox;
    private final CallbackIntake intake;

    public ContactConsumer(Inbox inbox, CallbackIntake intake) {
        this.inbox = inbox;
        this.intake = intake;
    }

    @Incoming("contact")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (EventTypes.CONTACT_OFFERED.equals(event.type())) {
            return inbox.handleOnce(CONSUMER, event, intake::offered).replaceWithVoid();
        }
        if (EventTypes.CALLBACK_REQUESTED.equals(event.type())) {
            return inbox.handleOnce(CONSUMER, event, intake::requested).replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }
}
