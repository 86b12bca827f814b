package io.supportsuite.notifications.messaging;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.customer.CustomerMerged;
import io.supportsuite.events.customer.CustomerUnmerged;
import io.supportsuite.events.agent.AgentChanged;
import io.supportsuite.events.ticket.CallbackCompleted;
import io.supportsuite.events.ticket.CallbackScheduled;
import io.supportsuite.events.ticket.TicketCreated;
import io.supportsuite.events.ticket.TicketAssigned;
import io.supportsuite.events.ticket.TicketMessageAdded;
import io.supportsuite.events.ticket.TicketReplied;
import io.supportsuite.events.ticket.TicketStatusChanged;
import io.supportsuite.notifications.schedule.Schedules;
import io.supportsuite.notifications.service.Acknowledgements;
import io.supportsuite.notifications.service.AgentDirectory;
import io.supportsuite.notifications.service.AgentNotices;
import io.supportsuite.notifications.service.CustomerGroups;
import io.supportsuite.notifications.service.TicketProjection;
import io.supportsuite.runtime.inbox.Inbox;
import io.supportsuite.runtime.inbox.IncomingEvent;

/**
 * {@code support.tickets.v1}: keeps this service's ticket projection; a new ticket may complete an ack (N1);
 * status changes and customer messages schedule or cancel reminders, follow-ups and surveys (N3–N5); callbacks
 * schedule, move or cancel their owner's reminder (R3); customer merges and un-merges join and split customers (C2);
 * {@code agent.changed} keeps agents' addresses for their notices.
 */
@ApplicationScoped
public class TicketEventsConsumer {

    private final SchemaGate schema;
    private final Inbox inbox;
    private final Acknowledgements acknowledgements;
    private final AcknowledgementStep acknowledgement;
    private final TicketProjection projection;
    private final Schedules schedules;
    private final AgentNotices agents;
    private final CustomerGroups groups;
    private final AgentDirectory directory;

    public TicketEventsConsumer(SchemaGate schema, Inbox inbox, Acknowledgements acknowledgements,
            AcknowledgementStep acknowledgement, TicketProjection projection, Schedules schedules, AgentNotices agents,
            CustomerGroups groups, AgentDirectory directory) {
        this.groups = groups;
        this.agents = agents;
        this.directory = directory;
        this.projection = projection;
        this.schedules = schedules;
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
            case EventTypes.TICKET_STATUS_CHANGED -> once(event, e -> {
                TicketStatusChanged changed = inbox.read(e, TicketStatusChanged.class);
                return projection.statusChanged(changed).chain(() -> schedules.statusChanged(changed));
            });
            case EventTypes.TICKET_MESSAGE_ADDED -> once(event,
                    e -> schedules.customerWrote(inbox.read(e, TicketMessageAdded.class).ticketId()));
            case EventTypes.TICKET_ASSIGNED -> once(event, e -> projection.assigned(inbox.read(e, TicketAssigned.class)));
            case EventTypes.TICKET_REPLIED -> once(event, e -> projection.replied(inbox.read(e, TicketReplied.class)));
            case EventTypes.CALLBACK_SCHEDULED -> once(event, e -> agents.callbackScheduled(inbox.read(e, CallbackScheduled.class)));
            case EventTypes.CUSTOMER_MERGED -> once(event, e -> groups.merged(inbox.read(e, CustomerMerged.class)));
            case EventTypes.CUSTOMER_UNMERGED -> once(event, e -> groups.unmerged(inbox.read(e, CustomerUnmerged.class)));
            case EventTypes.CALLBACK_COMPLETED -> once(event, e -> agents.callbackCompleted(inbox.read(e, CallbackCompleted.class)));
            case EventTypes.AGENT_CHANGED -> once(event, e -> directory.changed(inbox.read(e, AgentChanged.class)));
            default -> Uni.createFrom().voidItem(); // not ours to handle; still acknowledged
        };
    }

    private Uni<Void> once(IncomingEvent event, Function<IncomingEvent, Uni<Void>> effect) {
        return inbox.handleOnce(InboxConsumer.NAME, event, effect).replaceWithVoid();
    }

    private Uni<Void> created(IncomingEvent event) {
        return acknowledgement.handle(event, TicketCreated.class, acknowledgements::ticketCreated);
    }
}
