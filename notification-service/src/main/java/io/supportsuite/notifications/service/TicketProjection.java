package io.supportsuite.notifications.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.supportsuite.events.ticket.TicketAssigned;
import io.supportsuite.events.ticket.TicketReplied;
import io.supportsuite.events.ticket.TicketStatusChanged;
import io.supportsuite.notifications.ticket.TicketContact;

/** Keeps the ticket projection current after its creation: status, and who signs its messages (N7). */
@ApplicationScoped
public class TicketProjection {

    private final Clock clock;

    public TicketProjection(Clock clock) {
        this.clock = clock;
    }

    /** A ticket this service never saw is ignored. */
    public Uni<Void> statusChanged(TicketStatusChanged changed) {
        return update(changed.ticketId(), ticket -> ticket.status = changed.to());
    }

    public Uni<Void> assigned(TicketAssigned assigned) {
        return update(assigned.ticketId(), ticket -> {
            ticket.team = assigned.team();
            ticket.agentId = assigned.assigneeId();
            ticket.agentName = assigned.assigneeName();
        });
    }

    /** The agent who answered publicly signs what follows. */
    public Uni<Void> replied(TicketReplied replied) {
        return update(replied.ticketId(), ticket -> {
            if (replied.agentName() != null) {
                ticket.agentId = replied.agentId();
                ticket.agentName = replied.agentName();
            }
            if (replied.team() != null) {
                ticket.team = replied.team();
            }
            if (ticket.firstRepliedAt == null) {
                ticket.firstRepliedAt = replied.repliedAt() == null ? clock.instant() : replied.repliedAt();
            }
        });
    }

    private Uni<Void> update(String ticketId, java.util.function.Consumer<TicketContact> change) {
        return TicketContact.<TicketContact>findById(ticketId).invoke(ticket -> {
            if (ticket != null) {
                change.accept(ticket);
                ticket.updatedAt = clock.instant();
            }
        }).replaceWithVoid();
    }
}
