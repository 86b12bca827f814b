package io.supportsuite.sla.messaging;

import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.ticket.CallbackCompleted;
import io.supportsuite.events.ticket.CallbackScheduled;
import io.supportsuite.events.ticket.TicketAssigned;
import io.supportsuite.events.ticket.TicketCreated;
import io.supportsuite.events.ticket.TicketMessageAdded;
import io.supportsuite.events.ticket.TicketReplied;
import io.supportsuite.events.ticket.TicketStatusChanged;
import io.supportsuite.runtime.inbox.IncomingEvent;
import io.supportsuite.sla.service.Assignments;
import io.supportsuite.sla.service.ClockService;
import io.supportsuite.sla.service.ContactClocks;
import io.supportsuite.sla.service.Tally;

/** {@code support.tickets.v1} in: the response, resolution and callback clocks of each ticket. */
@ApplicationScoped
public class TicketEventsConsumer {

    private final Handling handling;
    private final Map<String, Function<IncomingEvent, Uni<Tally>>> effects;

    public TicketEventsConsumer(Handling handling, ClockService clocks, ContactClocks contacts, Assignments assignments) {
        this.handling = handling;
        this.effects = Map.of(
                EventTypes.TICKET_CREATED, e -> clocks.ticketCreated(handling.read(e, TicketCreated.class), e.time()),
                EventTypes.TICKET_STATUS_CHANGED,
                e -> clocks.statusChanged(handling.read(e, TicketStatusChanged.class), e.time()),
                EventTypes.TICKET_MESSAGE_ADDED,
                e -> clocks.customerWrote(handling.read(e, TicketMessageAdded.class), e.time()),
                EventTypes.TICKET_REPLIED, e -> clocks.replied(handling.read(e, TicketReplied.class), e.time()),
                EventTypes.CALLBACK_SCHEDULED,
                e -> contacts.callbackScheduled(handling.read(e, CallbackScheduled.class), e.time()),
                EventTypes.CALLBACK_COMPLETED,
                e -> contacts.callbackCompleted(handling.read(e, CallbackCompleted.class), e.time()),
                EventTypes.TICKET_ASSIGNED, e -> assignments.assigned(handling.read(e, TicketAssigned.class), e.time()));
    }

    @Incoming("tickets")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return handling.handle(record, effects);
    }
}
