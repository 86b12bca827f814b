package io.supportsuite.tickets.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.supportsuite.events.EventTypes;
import io.supportsuite.runtime.inbox.Inbox;
import io.supportsuite.runtime.inbox.IncomingEvent;
import io.supportsuite.tickets.service.AutoSolve;
import io.supportsuite.tickets.service.CsatScores;

/**
 * What other services ask of or tell a ticket on {@code support.tickets.v1}: notification-service's
 * {@code ticket.autosolve.due} (N3), {@code ticket.csat.recorded} and {@code ticket.nps.recorded} (N5). Each handled once (the inbox);
 * ticket-service's own events are skipped.
 */
@ApplicationScoped
public class TicketRequestsConsumer {

    static final String CONSUMER = "ticket-service-requests";

    private final Inbox inbox;
    private final AutoSolve autoSolve;
    private final CsatScores csat;

    public TicketRequestsConsumer(Inbox inbox, AutoSolve autoSolve, CsatScores csat) {
        this.inbox = inbox;
        this.autoSolve = autoSolve;
        this.csat = csat;
    }

    @Incoming("ticket-requests")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        return switch (event.type() == null ? "" : event.type()) {
            case EventTypes.TICKET_AUTO_SOLVE_DUE -> inbox.handleOnce(CONSUMER, event, autoSolve::apply).replaceWithVoid();
            case EventTypes.TICKET_CSAT_RECORDED -> inbox.handleOnce(CONSUMER, event, csat::apply).replaceWithVoid();
            case EventTypes.TICKET_NPS_RECORDED -> inbox.handleOnce(CONSUMER, event, csat::applyNps).replaceWithVoid();
            default -> Uni.createFrom().voidItem();
        };
    }
}
