package io.supportsuite.sla.messaging;

import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.customer.CustomerMerged;
import io.supportsuite.events.customer.CustomerUnmerged;
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
import io.supportsuite.sla.service.Recalculation;
import io.supportsuite.sla.service.Tally;

/**
 * {@code support.tickets.v1} in: the response, resolution and callback clocks of each ticket; a customer merge or its undo
 * puts the moved tickets' clocks under the kept (or restored) customer's segment (C2, R6).
 */
@ApplicationScoped
public class TicketEventsConsumer {

    private final Handling handling;
    private final Map<String, Function<IncomingEvent, Uni<Tally>>> effects;

    public TicketEventsConsumer(Handling handling, ClockService clocks, ContactClocks contacts, Assignments assignments,
            Recalculation recalculation) {
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
                EventTypes.TICKET_ASSIGNED, e -> assignments.assigned(handling.read(e, TicketAssigned.class), e.time()),
                EventTypes.CUSTOMER_MERGED, e -> merged(recalculation, handling.read(e, CustomerMerged.class)),
                EventTypes.CUSTOMER_UNMERGED, e -> unmerged(recalculation, handling.read(e, CustomerUnmerged.class)));
    }

    /** C2/R6: the moved tickets count under the kept customer's segment (a VIP's promise when the kept one is VIP). */
    private static Uni<Tally> merged(Recalculation recalculation, CustomerMerged merged) {
        return recalculation.segmentChanged(merged.ticketIds(), merged.into().segment(), "customer merge " + merged.mergeId())
                .replaceWith(Tally.NONE);
    }

    /** The undo: the tickets count under their own customer's segment again. */
    private static Uni<Tally> unmerged(Recalculation recalculation, CustomerUnmerged unmerged) {
        return recalculation.segmentChanged(unmerged.ticketIds(), unmerged.customer().segment(),
                "customer merge " + unmerged.mergeId() + " undone").replaceWith(Tally.NONE);
    }

    @Incoming("tickets")
    public Uni<Void> on(ConsumerRecords<String, String> records) {
        return handling.handle(records, effects);
    }
}
