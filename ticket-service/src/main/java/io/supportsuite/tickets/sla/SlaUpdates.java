package io.supportsuite.tickets.sla;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.smallrye.mutiny.Uni;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.sla.ClockRef;
import io.supportsuite.events.sla.SlaBreached;
import io.supportsuite.events.sla.SlaClockPaused;
import io.supportsuite.events.sla.SlaClockResumed;
import io.supportsuite.events.sla.SlaClockStarted;
import io.supportsuite.events.sla.SlaMet;
import io.supportsuite.events.sla.SlaWarning;
import io.supportsuite.runtime.inbox.Inbox;
import io.supportsuite.runtime.inbox.IncomingEvent;
import io.supportsuite.tickets.config.TicketsConfig;
import io.supportsuite.tickets.ticket.Ticket;
import io.supportsuite.tickets.timeline.ActivityKind;
import io.supportsuite.tickets.timeline.Timeline;

/**
 * An SLA event from sla-monitor becomes a line in the ticket's timeline (C7) and updates the ticket's SLA
 * standing (next deadline, at risk, breached) that the views filter and sort on. Runs in the inbox's
 * transaction, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class SlaUpdates {

    /** One event, read: its timeline kind, clock, time, new clock state and timeline details. */
    private record Update(String kind, ClockRef clock, Instant at, String state, int warned, Map<String, Object> details) {
    }

    private final Inbox inbox;
    private final Timeline timeline;
    private final TicketsConfig config;

    public SlaUpdates(Inbox inbox, Timeline timeline, TicketsConfig config) {
        this.inbox = inbox;
        this.timeline = timeline;
        this.config = config;
    }

    /** Whether this service keeps anything of an event of this type. */
    public static boolean handles(String type) {
        return type != null && switch (type) {
            case EventTypes.SLA_CLOCK_STARTED, EventTypes.SLA_CLOCK_PAUSED, EventTypes.SLA_CLOCK_RESUMED, EventTypes.SLA_WARNING,
                    EventTypes.SLA_BREACHED, EventTypes.SLA_MET -> true;
            default -> false;
        };
    }

    public Uni<Void> apply(IncomingEvent event) {
        Update update;
        UUID ticketId;
        try {
            update = read(event);
            ticketId = ticketOf(event, update.clock());
        } catch (IllegalArgumentException e) {
            throw new Inbox.UnreadableEventException(event, e); // poison: to the dead-letter topic, not retried
        }
        Instant at = update.at() != null ? update.at() : event.time();
        return TicketClock.<TicketClock>findById(TicketClock.idOf(ticketId, update.clock().kind()))
                .chain(found -> {
                    TicketClock clock = found != null ? found : newClock(ticketId, update.clock());
                    clock.clockId = update.clock().clockId();
                    clock.policy = update.clock().policy();
                    clock.state = update.state();
                    if (update.clock().deadline() != null) {
                        clock.deadline = update.clock().deadline();
                    }
                    clock.warnedPercent = update.warned() < 0 ? 0 : Math.max(clock.warnedPercent, update.warned());
                    clock.updatedAt = at;
                    return found != null ? Uni.createFrom().voidItem() : clock.persist().replaceWithVoid();
                })
                .chain(() -> timeline.record(ticketId, update.kind(), Timeline.Actor.SYSTEM, null, update.details(), at))
                .chain(() -> restand(ticketId));
    }

    /** Recomputes the ticket's standing from its clocks; the ticket is locked, as an agent's change would. */
    private Uni<Void> restand(UUID ticketId) {
        return Ticket.<Ticket>findById(ticketId, LockModeType.PESSIMISTIC_WRITE).chain(ticket -> ticket == null
                ? Uni.createFrom().voidItem()
                : TicketClock.<TicketClock>list("ticketId", ticketId).invoke(clocks -> {
                    SlaStanding standing = SlaStanding.of(clocks, config.sla().atRiskPercent());
                    ticket.slaDeadline = standing.deadline();
                    ticket.slaAtRisk = standing.atRisk();
                    ticket.slaBreached = standing.breached();
                }).replaceWithVoid());
    }

    private static TicketClock newClock(UUID ticketId, ClockRef ref) {
        TicketClock clock = new TicketClock();
        clock.id = TicketClock.idOf(ticketId, ref.kind());
        clock.ticketId = ticketId;
        clock.kind = ref.kind();
        return clock;
    }

    private Update read(IncomingEvent event) {
        return switch (event.type()) {
            case EventTypes.SLA_CLOCK_STARTED -> {
                SlaClockStarted e = inbox.read(event, SlaClockStarted.class);
                yield update(ActivityKind.SLA_CLOCK_STARTED, e.clock(), e.startedAt(), TicketClock.RUNNING, -1, null);
            }
            case EventTypes.SLA_CLOCK_PAUSED -> {
                SlaClockPaused e = inbox.read(event, SlaClockPaused.class);
                yield update(ActivityKind.SLA_CLOCK_PAUSED, e.clock(), e.pausedAt(), TicketClock.PAUSED, 0,
                        Timeline.details("reason", e.reason()));
            }
            case EventTypes.SLA_CLOCK_RESUMED -> {
                SlaClockResumed e = inbox.read(event, SlaClockResumed.class);
                yield update(ActivityKind.SLA_CLOCK_RESUMED, e.clock(), e.resumedAt(), TicketClock.RUNNING, 0, null);
            }
            case EventTypes.SLA_WARNING -> {
                SlaWarning e = inbox.read(event, SlaWarning.class);
                yield update(ActivityKind.SLA_WARNING, e.clock(), e.firedAt(), TicketClock.RUNNING, e.stagePercent(),
                        Map.of("stagePercent", e.stagePercent()));
            }
            case EventTypes.SLA_BREACHED -> {
                SlaBreached e = inbox.read(event, SlaBreached.class);
                yield update(ActivityKind.SLA_BREACHED, e.clock(), e.firedAt(), TicketClock.BREACHED, 0, null);
            }
            case EventTypes.SLA_MET -> {
                SlaMet e = inbox.read(event, SlaMet.class);
                yield update(ActivityKind.SLA_MET, e.clock(), e.metAt(), TicketClock.MET, 0, null);
            }
            default -> throw new IllegalArgumentException("Not an SLA event: " + event.type());
        };
    }

    private Update update(String kind, ClockRef clock, Instant at, String state, int warned, Map<String, Object> extra) {
        if (clock == null || clock.kind() == null) {
            throw new IllegalArgumentException("SLA event without its clock");
        }
        Map<String, Object> details = Timeline.details("clock", clock.kind(), "policy", clock.policy(), "deadline",
                clock.deadline() == null ? null : clock.deadline().toString(), "elapsedSeconds", clock.elapsedSeconds(),
                "budgetSeconds", clock.budgetSeconds());
        if (extra != null) {
            extra.forEach((k, v) -> {
                if (v != null) {
                    details.put(k, v);
                }
            });
        }
        return new Update(kind, clock, at, state, warned, details);
    }

    private static UUID ticketOf(IncomingEvent event, ClockRef clock) {
        String id = clock.ticketId() != null ? clock.ticketId() : event.key();
        try {
            return UUID.fromString(id);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("SLA event for ticket '" + id + "', not a UUID", e);
        }
    }
}
