package io.supportsuite.notifications.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.sla.ClockRef;
import io.supportsuite.events.sla.SlaBreached;
import io.supportsuite.events.sla.SlaWarning;
import io.supportsuite.notifications.alert.OpsAlert;
import io.supportsuite.notifications.config.NotificationsConfig;
import io.supportsuite.notifications.ticket.TicketContact;

/**
 * N8: records one ops alert per breach — and per VIP ticket at risk — (ticket, clock kind, stage) inside the
 * consuming transaction; the delivery worker posts it afterwards. Without a configured webhook the alert is recorded and logged only.
 */
@ApplicationScoped
public class OpsAlerts {

    private final NotificationsConfig.Alerts config;
    private final Clock clock;

    public OpsAlerts(NotificationsConfig config, Clock clock) {
        this.config = config.alerts();
        this.clock = clock;
    }

    /** @return the new alert's state, or null when this breach was already recorded */
    public Uni<String> breached(SlaBreached breach) {
        ClockRef clockRef = breach.clock();
        return OpsAlert.of(clockRef.ticketId(), clockRef.kind(), OpsAlert.STAGE_BREACHED).chain(existing -> existing != null
                ? Uni.createFrom().nullItem()
                : TicketContact.<TicketContact>findById(clockRef.ticketId())
                        .chain(ticket -> record(clockRef, OpsAlert.STAGE_BREACHED, breach.firedAt(), ticket)));
    }

    /**
     * A VIP customer's ticket whose clock reached the at-risk warning stage: one alert per (ticket, clock, stage);
     * it does not escalate (the breach will, if it comes).
     *
     * @return the new alert's state, or null when there is none (not VIP, another stage, already recorded)
     */
    public Uni<String> atRisk(SlaWarning warning) {
        ClockRef clockRef = warning.clock();
        if (clockRef == null || warning.stagePercent() != config.atRiskPercent()) {
            return Uni.createFrom().nullItem();
        }
        return TicketContact.<TicketContact>findById(clockRef.ticketId()).chain(ticket -> {
            if (ticket == null || !config.vipSegment().equalsIgnoreCase(String.valueOf(ticket.segment))) {
                return Uni.createFrom().nullItem();
            }
            return OpsAlert.of(clockRef.ticketId(), clockRef.kind(), OpsAlert.STAGE_AT_RISK).chain(existing -> existing != null
                    ? Uni.createFrom().nullItem()
                    : record(clockRef, OpsAlert.STAGE_AT_RISK, warning.firedAt(), ticket));
        });
    }

    private Uni<String> record(ClockRef clockRef, String stage, Instant firedAt, TicketContact ticket) {
        OpsAlert alert = new OpsAlert();
        alert.ticketId = clockRef.ticketId();
        alert.clockKind = clockRef.kind();
        alert.stage = stage;
        alert.clockId = clockRef.clockId();
        alert.policy = clockRef.policy();
        alert.firedAt = firedAt == null ? clock.instant() : firedAt;
        alert.deadline = clockRef.deadline() == null ? alert.firedAt : clockRef.deadline();
        alert.lateSeconds = Math.max(0, Duration.between(alert.deadline, alert.firedAt).toSeconds());
        alert.number = ticket == null ? null : ticket.number;
        alert.subject = ticket == null ? null : ticket.subject;
        alert.createdAt = clock.instant();
        alert.sink = OpsAlert.SINK_OPS;
        // only a breach escalates when nobody acknowledges it
        alert.escalateAt = OpsAlert.STAGE_BREACHED.equals(stage) ? alert.createdAt.plus(config.escalateAfter()) : null;
        if (config.webhookUrl().isPresent()) {
            alert.state = OpsAlert.PENDING;
            alert.nextAttemptAt = alert.createdAt;
        } else {
            alert.state = OpsAlert.NO_SINK;
            Log.warnf("SLA %s (no ops webhook configured, alert recorded only): ticket %s #%s, clock %s, policy %s, "
                    + "deadline %s", stage, alert.ticketId, alert.number, alert.clockKind, alert.policy, alert.deadline);
        }
        return alert.persist().replaceWith(alert.state);
    }
}
