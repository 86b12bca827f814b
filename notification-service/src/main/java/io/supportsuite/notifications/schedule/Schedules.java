package io.supportsuite.notifications.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.sla.ClockRef;
import io.supportsuite.events.sla.SlaWarning;
import io.supportsuite.events.ticket.TicketStatusChanged;
import io.supportsuite.notifications.config.NotificationsConfig;
import io.supportsuite.notifications.notification.NotificationKind;
import io.supportsuite.notifications.service.Acknowledgements;

/**
 * Turns ticket and SLA events into scheduled rows, and cancels the ones that no longer apply. Runs inside
 * the consuming (or dispatching) transaction; dedup keys make a redelivered or re-published event schedule
 * nothing twice. Events of one ticket arrive in order on one partition, so no lock is needed here.
 * <ul>
 * <li>N2: the first-response clock's warning (80 %) → one delay notice per ticket and clock, due now.</li>
 * <li>N3: pending → one reminder after 48 h; cancelled when the customer writes or the status changes.</li>
 * <li>N4/N5: solved → follow-up with CSAT after 2 h (sent within 24 h), and an NPS invitation; cancelled on reopen.</li>
 * </ul>
 */
@ApplicationScoped
public class Schedules {

    public static final String PENDING = "pending";
    public static final String SOLVED = "solved";
    public static final String CLOSED = "closed";

    private static final List<String> WAITING_ON_CUSTOMER = names(NotificationKind.REMINDER, NotificationKind.AUTO_SOLVE);
    private static final List<String> AFTER_SOLVE = names(NotificationKind.FOLLOW_UP, NotificationKind.SURVEY_REMINDER,
            NotificationKind.NPS);

    private final NotificationsConfig config;
    private final Clock clock;

    public Schedules(NotificationsConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public Uni<Void> warning(SlaWarning warning) {
        ClockRef clockRef = warning.clock();
        if (clockRef == null || !Acknowledgements.FIRST_RESPONSE.equals(clockRef.kind())
                || warning.stagePercent() != config.delay().stagePercent()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        Instant firedAt = warning.firedAt() == null ? now : warning.firedAt();
        Instant promised = clockRef.deadline() == null || clockRef.deadline().isBefore(firedAt) ? firedAt : clockRef.deadline();
        Instant newEta = promised.plus(config.delay().slack());
        String key = NotificationKind.DELAY_NOTICE.template + ":" + clockRef.ticketId() + ":" + clockRef.clockId();
        return schedule(NotificationKind.DELAY_NOTICE, key, clockRef.ticketId(), now, null, row -> row.newEta = newEta);
    }

    public Uni<Void> statusChanged(TicketStatusChanged changed) {
        String ticketId = changed.ticketId();
        Instant at = changed.changedAt() == null ? clock.instant() : changed.changedAt();
        String episode = ticketId + ":" + at.toEpochMilli();
        Uni<Void> work = Uni.createFrom().voidItem();
        if (PENDING.equals(changed.from()) && !PENDING.equals(changed.to())) {
            work = work.chain(() -> cancel(ticketId, WAITING_ON_CUSTOMER, "status changed to " + changed.to()));
        }
        if (isSolved(changed.from()) && !isSolved(changed.to())) {
            work = work.chain(() -> cancel(ticketId, AFTER_SOLVE, "reopened"));
        }
        if (PENDING.equals(changed.to())) {
            work = work.chain(() -> schedule(NotificationKind.REMINDER, "reminder:" + episode, ticketId,
                    at.plus(config.reminder().after()), null, row -> { }));
        }
        if (SOLVED.equals(changed.to())) {
            Instant notAfter = at.plus(config.followUp().within());
            Instant due = min(at.plus(config.followUp().after()), notAfter);
            work = work.chain(() -> schedule(NotificationKind.FOLLOW_UP, "follow_up:" + episode, ticketId, due, notAfter,
                    row -> { }))
                    .chain(() -> schedule(NotificationKind.NPS, "nps:" + episode, ticketId, due, null, row -> { }));
        }
        return work;
    }

    /** The customer wrote on the ticket: the reminder (and the auto-solve after it) no longer apply (N3). */
    public Uni<Void> customerWrote(String ticketId) {
        return cancel(ticketId, WAITING_ON_CUSTOMER, "customer wrote");
    }

    /** A row due at {@code due}, unless one with this dedup key exists. */
    public Uni<Void> schedule(NotificationKind kind, String dedupKey, String ticketId, Instant due, Instant notAfter,
            Consumer<ScheduledNotification> extra) {
        return ScheduledNotification.exists(dedupKey).chain(exists -> {
            if (exists) {
                return Uni.createFrom().voidItem();
            }
            Instant now = clock.instant();
            ScheduledNotification row = new ScheduledNotification();
            row.id = UUID.randomUUID();
            row.dedupKey = dedupKey;
            row.kind = kind.name();
            row.ticketId = ticketId;
            row.dueAt = due;
            row.notAfter = notAfter;
            row.state = ScheduledNotification.PENDING;
            row.createdAt = now;
            row.updatedAt = now;
            extra.accept(row);
            Log.debugf("Scheduled %s for ticket %s at %s", kind, ticketId, due);
            return row.persist().replaceWithVoid();
        });
    }

    private Uni<Void> cancel(String ticketId, List<String> kinds, String reason) {
        return ScheduledNotification.update("state = ?1, reason = ?2, updatedAt = ?3 where ticketId = ?4 and state = ?5 "
                + "and kind in ?6", ScheduledNotification.CANCELLED, reason, clock.instant(), ticketId,
                ScheduledNotification.PENDING, kinds)
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("Cancelled %d scheduled message(s) of ticket %s: %s", n, ticketId, reason);
                    }
                })
                .replaceWithVoid();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    public static boolean isSolved(String status) {
        return SOLVED.equals(status) || CLOSED.equals(status);
    }

    private static List<String> names(NotificationKind... kinds) {
        return java.util.Arrays.stream(kinds).map(Enum::name).toList();
    }
}
