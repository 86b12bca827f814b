package io.supportsuite.tickets.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.ticket.TicketCsatRecorded;
import io.supportsuite.runtime.inbox.Inbox;
import io.supportsuite.runtime.inbox.IncomingEvent;
import io.supportsuite.tickets.ticket.Ticket;
import io.supportsuite.tickets.timeline.ActivityKind;
import io.supportsuite.tickets.timeline.Timeline;

/**
 * N5: the customer answered the satisfaction survey (notification-service's {@code ticket.csat.recorded});
 * the ticket shows the score and the comment, and its timeline says so. A survey is answered once, so a
 * later answer only replaces an earlier one when it is newer (a redelivered or reordered event changes
 * nothing). Runs in the inbox's transaction.
 */
@ApplicationScoped
public class CsatScores {

    private final Inbox inbox;
    private final Timeline timeline;

    public CsatScores(Inbox inbox, Timeline timeline) {
        this.inbox = inbox;
        this.timeline = timeline;
    }

    public Uni<Void> apply(IncomingEvent event) {
        TicketCsatRecorded csat = inbox.read(event, TicketCsatRecorded.class);
        UUID ticketId;
        try {
            ticketId = UUID.fromString(csat.ticketId());
        } catch (RuntimeException e) {
            throw new Inbox.UnreadableEventException(event, e);
        }
        if (csat.score() < 1 || csat.score() > 5) {
            throw new Inbox.UnreadableEventException(event, new IllegalArgumentException("CSAT score " + csat.score()));
        }
        Instant at = (csat.recordedAt() == null ? event.time() : csat.recordedAt()).truncatedTo(ChronoUnit.MICROS);
        return Ticket.<Ticket>findById(ticketId, LockModeType.PESSIMISTIC_WRITE).chain(ticket -> {
            if (ticket == null) {
                Log.warnf("CSAT for unknown ticket %s ignored", ticketId);
                return Uni.createFrom().voidItem();
            }
            if (ticket.csatRecordedAt != null && !at.isAfter(ticket.csatRecordedAt)) {
                return Uni.createFrom().voidItem();
            }
            ticket.csatScore = csat.score();
            ticket.csatComment = csat.comment() == null || csat.comment().isBlank() ? null : csat.comment().strip();
            ticket.csatRecordedAt = at;
            String text = "Customer rated " + csat.score() + "/5" + (ticket.csatComment == null ? "" : ": " + ticket.csatComment);
            return timeline.record(ticket.id, ActivityKind.CSAT_RECORDED, Timeline.Actor.SYSTEM, text,
                    Timeline.details("score", csat.score(), "agentId", csat.agentId()), at);
        });
    }
}
