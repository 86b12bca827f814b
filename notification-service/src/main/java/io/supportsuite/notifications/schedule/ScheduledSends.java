package io.supportsuite.notifications.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.Channels;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.ticket.TicketAutoSolveDue;
import io.supportsuite.notifications.config.NotificationsConfig;
import io.supportsuite.notifications.notification.NotificationKind;
import io.supportsuite.notifications.service.Acknowledgements;
import io.supportsuite.notifications.service.AgentNotices;
import io.supportsuite.notifications.service.Consents;
import io.supportsuite.notifications.service.CustomerGroups;
import io.supportsuite.notifications.service.CustomerMessages;
import io.supportsuite.notifications.service.EtaFormat;
import io.supportsuite.notifications.service.Surveys;
import io.supportsuite.notifications.survey.Survey;
import io.supportsuite.notifications.ticket.TicketContact;
import io.supportsuite.runtime.outbox.Outbox;

/**
 * Sends one due row, in the dispatcher's transaction: checks it still applies (status, survey unanswered,
 * consent N6, NPS interval N5), holds a non-urgent message until quiet hours end, then renders and queues it
 * and schedules what follows it (the auto-solve after a reminder, the survey's one reminder).
 */
@ApplicationScoped
public class ScheduledSends {

    /** Outcome of a row that stays pending with a later due time (quiet hours). */
    public static final String DEFERRED = "deferred";

    /** N5 per person: no claim while any customer merged with this one (C2) was invited within the interval. */
    private static final String CLAIM_NPS = CustomerGroups.GROUP
            + "INSERT INTO nps_invitation (customer_id, last_invited_at) SELECT :customer, :now WHERE NOT EXISTS (SELECT 1 "
            + "FROM nps_invitation n WHERE n.customer_id IN (SELECT id FROM grp) AND n.customer_id <> :customer "
            + "AND n.last_invited_at > :cutoff) "
            + "ON CONFLICT (customer_id) DO UPDATE SET last_invited_at = EXCLUDED.last_invited_at "
            + "WHERE nps_invitation.last_invited_at <= :cutoff";

    private final CustomerMessages messages;
    private final Consents consents;
    private final Surveys surveys;
    private final Schedules schedules;
    private final Outbox outbox;
    private final QuietHours quietHours;
    private final EtaFormat eta;
    private final NotificationsConfig config;
    private final Clock clock;
    private final AgentNotices agents;
    private final Acknowledgements acknowledgements;

    public ScheduledSends(CustomerMessages messages, Consents consents, Surveys surveys, Schedules schedules, Outbox outbox,
            AgentNotices agents, Acknowledgements acknowledgements, NotificationsConfig config, Clock clock) {
        this.agents = agents;
        this.acknowledgements = acknowledgements;
        this.messages = messages;
        this.consents = consents;
        this.surveys = surveys;
        this.schedules = schedules;
        this.outbox = outbox;
        this.quietHours = new QuietHours(config.schedule().quietFrom(), config.schedule().quietUntil());
        this.eta = new EtaFormat(config.ack().deadlineFormat(), config.ack().defaultTimeZone());
        this.config = config;
        this.clock = clock;
    }

    /**
     * @param outgoing where the row's customer message goes, rendered: the caller writes them all at once
     * @return the row's new state (sent, cancelled, suppressed) or {@link #DEFERRED}
     */
    public Uni<String> dispatch(ScheduledNotification row, List<CustomerMessages.Composed> outgoing) {
        NotificationKind kind = NotificationKind.valueOf(row.kind);
        Instant now = clock.instant();
        if (kind == NotificationKind.CALLBACK_REMINDER) {
            return agents.callbackDue(row).chain(() -> close(row, ScheduledNotification.SENT, null));
        }
        return TicketContact.<TicketContact>findById(row.ticketId).chain(ticket -> {
            if (ticket == null) {
                return close(row, ScheduledNotification.CANCELLED, "ticket unknown here");
            }
            String stale = staleReason(kind, ticket);
            if (stale != null) {
                return close(row, ScheduledNotification.CANCELLED, stale);
            }
            if (kind == NotificationKind.AUTO_SOLVE) {
                // The row fell due exactly auto-solve-after past the reminder that scheduled it.
                TicketAutoSolveDue due = new TicketAutoSolveDue(ticket.ticketId,
                        row.dueAt.minus(config.reminder().autoSolveAfter()), row.dueAt);
                return outbox.append(Topics.TICKETS, ticket.ticketId, EventTypes.TICKET_AUTO_SOLVE_DUE, ticket.ticketId, due)
                        .chain(() -> close(row, ScheduledNotification.SENT, null));
            }
            if (ticket.email == null) {
                return close(row, ScheduledNotification.SUPPRESSED, "no e-mail address");
            }
            Instant allowed = allowedAt(kind, row, ticket, now);
            if (allowed.isAfter(now)) {
                row.dueAt = allowed;
                row.updatedAt = now;
                return Uni.createFrom().item(DEFERRED);
            }
            Uni<Boolean> optedOut = kind.transactional ? Uni.createFrom().item(false)
                    : consents.optedOut(Consents.subjectOf(ticket), Channels.EMAIL);
            return optedOut.chain(out -> out ? close(row, ScheduledNotification.SUPPRESSED, "opted out of " + Channels.EMAIL)
                    : send(kind, row, ticket, now, outgoing));
        });
    }

    private Instant allowedAt(NotificationKind kind, ScheduledNotification row, TicketContact ticket, Instant now) {
        if (kind.urgent) {
            return now;
        }
        ZoneId zone = ticket.timeZoneKnown ? eta.zoneOf(ticket.timeZone) : null;
        Instant allowed = quietHours.nextAllowed(now, zone);
        return row.notAfter != null && allowed.isAfter(row.notAfter) ? max(now, row.notAfter) : allowed;
    }

    private static String staleReason(NotificationKind kind, TicketContact ticket) {
        return switch (kind) {
            case REMINDER, AUTO_SOLVE -> Schedules.PENDING.equals(ticket.status) ? null : "ticket is " + ticket.status;
            case FOLLOW_UP, SURVEY_REMINDER, NPS -> Schedules.isSolved(ticket.status) ? null : "ticket is " + ticket.status;
            case ACK -> ticket.firstRepliedAt == null ? null : "answered live within the pickup time"; // N1, R2
            default -> null;
        };
    }

    private Uni<String> send(NotificationKind kind, ScheduledNotification row, TicketContact ticket, Instant now,
            List<CustomerMessages.Composed> outgoing) {
        String messageId = kind.template + "-" + row.id;
        return switch (kind) {
            case ACK -> acknowledgements.heldAckDue(row.dedupKey, ticket).chain(() -> sent(row));
            case DELAY_NOTICE -> queue(outgoing, kind, row, messageId, ticket,
                    Map.of("newEta", eta.format(row.newEta, ticket.timeZone))).chain(() -> sent(row));
            case REMINDER -> queue(outgoing, kind, row, messageId, ticket,
                    Map.of("autoSolveDays", config.reminder().autoSolveAfter().toDays()))
                    .chain(() -> schedules.schedule(NotificationKind.AUTO_SOLVE, "auto_solve:" + row.id, ticket.ticketId,
                            now.plus(config.reminder().autoSolveAfter()), null, next -> { }))
                    .chain(() -> sent(row));
            case FOLLOW_UP -> surveys.create(Survey.CSAT, ticket, Channels.EMAIL).chain(survey -> queue(outgoing, kind, row,
                    messageId, ticket, Map.of("surveyUrl", surveys.url(survey)))
                    .chain(() -> remindLater(survey, ticket, now)))
                    .chain(() -> sent(row));
            case SURVEY_REMINDER -> Survey.<Survey>findById(row.surveyId).chain(survey -> survey == null
                    || survey.answeredAt != null || !now.isBefore(survey.expiresAt)
                            ? close(row, ScheduledNotification.CANCELLED, "survey answered or closed")
                            : queue(outgoing, kind, row, messageId, ticket, Map.of("surveyUrl", surveys.url(survey)))
                                    .chain(() -> sent(row)));
            case NPS -> claimNps(ticket, now).chain(invited -> !invited
                    ? close(row, ScheduledNotification.SUPPRESSED, "NPS invitation within " + config.followUp().npsInterval())
                    : surveys.create(Survey.NPS, ticket, Channels.EMAIL).chain(survey -> queue(outgoing, kind, row,
                            messageId, ticket, Map.of("surveyUrl", surveys.url(survey)))).chain(() -> sent(row)));
            default -> throw new IllegalStateException("Not a scheduled message: " + kind);
        };
    }

    /** Renders the row's message into the round's outgoing ones (a template error fails this row only). */
    private Uni<Void> queue(List<CustomerMessages.Composed> outgoing, NotificationKind kind, ScheduledNotification row,
            String messageId, TicketContact ticket, Map<String, Object> data) {
        return Uni.createFrom().item(() -> messages.compose(kind, row.dedupKey, messageId, ticket, data))
                .invoke(outgoing::add).replaceWithVoid();
    }

    /** The survey's one reminder (N3), if it can still be answered by then. */
    private Uni<Void> remindLater(Survey survey, TicketContact ticket, Instant now) {
        Instant due = now.plus(config.followUp().surveyReminderAfter());
        if (!due.isBefore(survey.expiresAt)) {
            return Uni.createFrom().voidItem();
        }
        return schedules.schedule(NotificationKind.SURVEY_REMINDER, "survey_reminder:" + survey.id, ticket.ticketId, due, null,
                next -> next.surveyId = survey.id);
    }

    /** At most one NPS invitation per customer per interval, claimed atomically across tickets and instances (N5). */
    private Uni<Boolean> claimNps(TicketContact ticket, Instant now) {
        Instant cutoff = now.atOffset(ZoneOffset.UTC).minus(config.followUp().npsInterval()).toInstant();
        return Panache.getSession().chain(session -> session.createNativeQuery(CLAIM_NPS)
                .setParameter("customer", Consents.subjectOf(ticket))
                .setParameter("now", now)
                .setParameter("cutoff", cutoff)
                .executeUpdate())
                .map(n -> n == 1);
    }

    private Uni<String> sent(ScheduledNotification row) {
        return close(row, ScheduledNotification.SENT, null);
    }

    private Uni<String> close(ScheduledNotification row, String state, String reason) {
        row.close(state, reason, clock.instant());
        return Uni.createFrom().item(state);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

}
