package io.supportsuite.notifications.messaging;


import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.ticket.TicketCreated;
import io.supportsuite.events.ticket.TicketStatusChanged;
import io.supportsuite.notifications.service.Acknowledgements;
import io.supportsuite.runtime.inbox.Inbox;
import io.supportsuite.runtime.inbox.IncomingEvent;

/** {@code support.tickets.v1}: keeps this service's ticket projection; a new ticket may complete an ack (N1). */
@ApplicationScoped
public class TicketEventsConsumer {

    private final SchemaGate schema;
    private final Inbox inbox;
    private final Acknowledgements acknowledgements;
    private final AcknowledgementStep acknowledgement;

    public TicketEventsConsumer(SchemaGate schema, Inbox inbox, Acknowledgements acknowledgements,
            AcknowledgementStep acknowledgement) {
        this.schema = schema;
        this.inbox = inbox;
        this.acknowledgements = acknowledgements;
        this.acknowledgement = acknowledgement;
    }

    @Incoming("tickets")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        return schema.open().chain(() -> handle(event));
    }

    private Uni<Void> handle(IncomingEvent event) {
        String type = event.type() == null ? "" : event.type();
        return switch (type) {
            case EventTypes.TICKET_CREATED -> created(event);
            case EventTypes.TICKET_STATUS_CHANGED -> inbox.handleOnce(InboxConsumer.NAME, event,
                    e -> acknowledgements.statusChanged(inbox.read(e, TicketStatusChanged.class))).replaceWithVoid();
            default -> Uni.createFrom().voidItem(); // not ours to handle; still acknowledged
        };
    }

    private Uni<Void> created(IncomingEvent event) {
        return acknowledgement.handle(event, TicketCreated.class, acknowledgements::ticketCreated);
    }
}
