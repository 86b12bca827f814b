package io.supportsuite.tickets.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.ticket.TicketCsatRecorded;
import io.supportsuite.events.ticket.TicketNpsRecorded;
import io.supportsuite.runtime.inbox.Inbox;
import io.supportsuite.runtime.inbox.IncomingEvent;
import io.supportsuite.tickets.ticket.Ticket;
import io.supportsuite.tickets.timeline.ActivityKind;
import io.supportsuite.tickets.timeline.Timeline;

/**
 * N5: the customer answered a survey — the satisfaction survey (notification-service's {@code ticket.csat.recorded},
 * 1–5) or the periodic NPS survey sent after this ticket ({@code ticket.nps.recorded}, 0–10); the ticket shows the
 * score and the comment, and its timeline says so. A survey is answered once, so a later answer only replaces an
 * earlier one when it is newer (a redelivered or reordered event changes nothing). Runs in the inbox's transaction.
 */
@ApplicationScoped
public class CsatScores {

    /** One survey answer, whichever survey it was. */
    private record Answer(String ticketId, String agentId, int score, String comment, Instant recordedAt) {
    }

    /** Where a kind of answer lives on the ticket and how the timeline tells it. */
    private record Kind(String name, int min, int max, String activity, Function<Ticket, Instant> recordedAt, Setter set) {
    }

    @FunctionalInterface
    private interface Setter {
        void apply(Ticket ticket, int score, String comment, Instant at);
    }

    private static final Kind CSAT = new Kind("CSAT", 1, 5, ActivityKind.CSAT_RECORDED, t -> t.csatRecordedAt,
            (t, score, comment, at) -> {
                t.csatScore = score;
                t.csatComment = comment;
                t.csatRecordedAt = at;
            });

    private static final Kind NPS = new Kind("NPS", 0, 10, ActivityKind.NPS_RECORDED, t -> t.npsRecordedAt,
            (t, score, comment, at) -> {
                t.npsScore = score;
                t.npsComment = comment;
                t.npsRecordedAt = at;
            });

    private final Inbox inbox;
    private final Timeline timeline;

    public CsatScores(Inbox inbox, Timeline timeline) {
        this.inbox = inbox;
        this.timeline = timeline;
    }

    public Uni<Void> apply(IncomingEvent event) {
        TicketCsatRecorded csat = inbox.read(event, TicketCsatRecorded.class);
        return record(event, CSAT, new Answer(csat.ticketId(), csat.agentId(), csat.score(), csat.comment(), csat.recordedAt()));
    }

    public Uni<Void> applyNps(IncomingEvent event) {
        TicketNpsRecorded nps = inbox.read(event, TicketNpsRecorded.class);
        return record(event, NPS, new Answer(nps.ticketId(), nps.agentId(), nps.score(), nps.comment(), nps.recordedAt()));
    }

    private Uni<Void> record(IncomingEvent event, Kind kind, Answer answer) {
        UUID ticketId;
        try {
            ticketId = UUID.fromString(answer.ticketId());
        } catch (RuntimeException e) {
            throw new Inbox.UnreadableEventException(event, e);
        }
        if (answer.score() < kind.min() || answer.score() > kind.max()) {
            throw new Inbox.UnreadableEventException(event,
                    new IllegalArgumentException(kind.name() + " score " + answer.score()));
        }
        Instant at = (answer.recordedAt() == null ? event.time() : answer.recordedAt()).truncatedTo(ChronoUnit.MICROS);
        return Ticket.<Ticket>findById(ticketId, LockModeType.PESSIMISTIC_WRITE).chain(ticket -> {
            if (ticket == null) {
                Log.warnf("%s for unknown ticket %s ignored", kind.name(), ticketId);
                return Uni.createFrom().voidItem();
            }
            Instant previous = kind.recordedAt().apply(ticket);
            if (previous != null && !at.isAfter(previous)) {
                return Uni.createFrom().voidItem();
            }
            String comment = answer.comment() == null || answer.comment().isBlank() ? null : answer.comment().strip();
            kind.set().apply(ticket, answer.score(), comment, at);
            String text = (kind == NPS ? "Customer's NPS answer " : "Customer rated ") + answer.score() + "/" + kind.max()
                    + (comment == null ? "" : ": " + comment);
            return timeline.record(ticket.id, kind.activity(), Timeline.Actor.SYSTEM, text,
                    Timeline.details("score", answer.score(), "agentId", answer.agentId()), at);
        });
    }
}
