package io.supportsuite.tickets.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.supportsuite.events.EventTypes;
import io.supportsuite.runtime.inbox.Inbox;
import io.supportsuite.runtime.inbox.IncomingEvent;
import io.supportsuite.tickets.service.AutoSolve;

/**
 * What other services ask of a ticket on {@code support.tickets.v1}: today notification-service's
 * {@code ticket.autosolve.due} (N3). Each handled once (the inbox); ticket-service's own events are skipped.
 */
@ApplicationScoped
public class TicketRequestsConsumer {

    static final String CONSUMER = "ticket-service-requests";

    private final Inbox inbox;
    private final AutoSolve autoSolve;

    public TicketRequestsConsumer(Inbox inbox, AutoSolve autoSolve) {
        this.inbox = inbox;
        this.autoSolve = autoSolve;
    }

    @Incoming("ticket-requests")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!EventTypes.TICKET_AUTO_SOLVE_DUE.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        return inbox.handleOnce(CONSUMER, event, autoSolve::apply).replaceWithVoid();
    }
}
