package io.supportsuite.notifications.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.sla.ClockRef;
import io.supportsuite.events.sla.SlaWarning;
import io.supportsuite.events.ticket.CallbackCompleted;
import io.supportsuite.events.ticket.CallbackScheduled;
import io.supportsuite.notifications.alert.AlertSinks;
import io.supportsuite.notifications.alert.OpsAlert;
import io.supportsuite.notifications.config.NotificationsConfig;
import io.supportsuite.notifications.notification.NotificationKind;
import io.supportsuite.notifications.schedule.ScheduledNotification;
import io.supportsuite.notifications.schedule.Schedules;
import io.supportsuite.notifications.ticket.TicketContact;

/**
 * Notices to agents: an {@link OpsAlert} row of the agent sink, naming the agent, delivered by the alert worker with
 * its retries and digests — mailed to the agent's own address when ticket-service announced one
 * ({@link AgentDirectory}), else to the agent sink ({@code AGENT_WEBHOOK_URL}: a team mailbox as {@code mailto:} or a
 * chat webhook; else the ops sink).
 * <ul>
 * <li>R3: a scheduled callback → its owner's reminder, a scheduled row due 15 min before the callback; moving
 * the callback (scheduled again with another time) or completing it cancels the pending reminder.</li>
 * <li>The 80 % warning of any clock → a notice to the ticket's assignee (from {@code ticket.assigned}).</li>
 * </ul>
 */
@ApplicationScoped
public class AgentNotices {

    private final Schedules schedules;
    private final AlertSinks sinks;
    private final AgentDirectory directory;
    private final NotificationsConfig.Agents config;
    private final Clock clock;

    public AgentNotices(Schedules schedules, AlertSinks sinks, AgentDirectory directory, NotificationsConfig config, Clock clock) {
        this.schedules = schedules;
        this.sinks = sinks;
        this.directory = directory;
        this.config = config.agents();
        this.clock = clock;
    }

    public Uni<Void> callbackScheduled(CallbackScheduled callback) {
        if (callback.dueAt() == null || callback.callbackId() == null) {
            return Uni.createFrom().voidItem();
        }
        // Re-announced when it moves or when its owner is known (a callback may be made before anyone could take it):
        // either way, the reminder is for that time and that agent.
        String owner = callback.ownerAgentId() == null ? "no owner" : callback.ownerAgentId();
        String key = "callback_reminder:" + callback.callbackId() + ":" + callback.dueAt().getEpochSecond() + ":" + owner;
        return cancel(callback.callbackId(), key, "callback now due " + callback.dueAt() + " with " + owner)
                .chain(() -> schedules.schedule(NotificationKind.CALLBACK_REMINDER, key, callback.ticketId(),
                        callback.dueAt().minus(config.callbackLead()), null, row -> {
                            row.newEta = callback.dueAt();
                            row.agentId = callback.ownerAgentId();
                            row.callbackId = callback.callbackId();
                        }));
    }

    public Uni<Void> callbackCompleted(CallbackCompleted completed) {
        return cancel(completed.callbackId(), "", "callback completed");
    }

    /** Cancels the callback's pending reminders other than {@code keep}. */
    private Uni<Void> cancel(String callbackId, String keep, String reason) {
        return ScheduledNotification.update("state = ?1, reason = ?2, updatedAt = ?3 where callbackId = ?4 and state = ?5 "
                + "and dedupKey <> ?6", ScheduledNotification.CANCELLED, reason, clock.instant(), callbackId,
                ScheduledNotification.PENDING, keep)
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("Cancelled the reminder of callback %s: %s", callbackId, reason);
                    }
                })
                .replaceWithVoid();
    }

    /** The due reminder row of a callback becomes the owner's notice (in the dispatcher's transaction). */
    public Uni<Void> callbackDue(ScheduledNotification row) {
        String stage = OpsAlert.STAGE_CALLBACK_DUE + ":" + row.callbackId + ":" + row.newEta.getEpochSecond();
        return notice(row.ticketId, "callback", row.callbackId, stage, row.agentId, row.newEta, null);
    }

    /** The assignee hears of the warning stage of any clock of their ticket, once per clock. */
    public Uni<Void> warning(SlaWarning warning) {
        ClockRef clockRef = warning.clock();
        if (clockRef == null || warning.stagePercent() != config.warningPercent()) {
            return Uni.createFrom().voidItem();
        }
        return TicketContact.<TicketContact>findById(clockRef.ticketId()).chain(ticket -> {
            if (ticket == null || ticket.agentId == null) {
                return Uni.createFrom().voidItem(); // nobody assigned: the team sees it in its queue
            }
            String stage = OpsAlert.STAGE_ASSIGNEE_WARNING + (clockRef.clockId() == null ? "" : ":" + clockRef.clockId());
            return notice(clockRef.ticketId(), clockRef.kind(), clockRef.clockId(), stage, ticket.agentId,
                    clockRef.deadline(), clockRef.policy());
        });
    }

    private Uni<Void> notice(String ticketId, String clockKind, String clockId, String stage, String agentId, Instant deadline,
            String policy) {
        return OpsAlert.of(ticketId, clockKind, stage).chain(existing -> existing != null ? Uni.createFrom().voidItem()
                : TicketContact.<TicketContact>findById(ticketId).chain(ticket -> directory.mailbox(agentId).chain(mailbox -> {
                    Instant now = clock.instant();
                    OpsAlert alert = new OpsAlert();
                    alert.ticketId = ticketId;
                    alert.clockKind = clockKind;
                    alert.clockId = clockId;
                    alert.stage = stage;
                    alert.policy = policy;
                    alert.agentId = agentId;
                    alert.deadline = deadline == null ? now : deadline;
                    alert.firedAt = now;
                    alert.lateSeconds = Math.max(0, Duration.between(alert.deadline, now).toSeconds());
                    alert.number = ticket == null ? null : ticket.number;
                    alert.subject = ticket == null ? null : ticket.subject;
                    alert.createdAt = now;
                    alert.sink = OpsAlert.SINK_AGENT;
                    alert.recipient = mailbox;
                    if (mailbox != null || sinks.url(OpsAlert.SINK_AGENT).isPresent()) {
                        alert.state = OpsAlert.PENDING;
                        alert.nextAttemptAt = now;
                    } else {
                        alert.state = OpsAlert.NO_SINK;
                        Log.warnf("Agent notice (no sink configured, recorded only): %s", AlertSinks.text(alert));
                    }
                    return alert.persist().replaceWithVoid();
                })));
    }
}
