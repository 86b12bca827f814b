package io.supportsuite.sla.messaging;

import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.contact.ContactAbandoned;
import io.supportsuite.events.contact.ContactAnswered;
import io.supportsuite.events.contact.ContactOffered;
import io.supportsuite.runtime.inbox.IncomingEvent;
import io.supportsuite.sla.service.ContactClocks;
import io.supportsuite.sla.service.Tally;

/** {@code support.contact.v1} in (keyed by contact id): the pickup clock of each live call or chat (R2). */
@ApplicationScoped
public class ContactEventsConsumer {

    private final Handling handling;
    private final Map<String, Function<IncomingEvent, Uni<Tally>>> effects;

    public ContactEventsConsumer(Handling handling, ContactClocks contacts) {
        this.handling = handling;
        this.effects = Map.of(
                EventTypes.CONTACT_OFFERED, e -> contacts.offered(handling.read(e, ContactOffered.class), e.time()),
                EventTypes.CONTACT_ANSWERED, e -> contacts.answered(handling.read(e, ContactAnswered.class), e.time()),
                EventTypes.CONTACT_ABANDONED, e -> contacts.abandoned(handling.read(e, ContactAbandoned.class), e.time()));
    }

    @Incoming("contacts")
    public Uni<Void> on(ConsumerRecords<String, String> records) {
        return handling.handle(records, effects);
    }
}
