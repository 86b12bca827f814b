package io.supportsuite.notifications.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.supportsuite.notifications.alert.AlertSinks;
import io.supportsuite.notifications.alert.OpsAlert;
import io.supportsuite.notifications.config.NotificationsConfig;
import io.supportsuite.runtime.schema.SchemaMigrator;

/**
 * N8: a breach nobody acknowledged within {@code alerts.escalate-after} (30 min) is raised again, once, to
 * the manager sink. Due breaches are claimed with {@code FOR UPDATE SKIP LOCKED} (several instances never
 * escalate one twice); the escalation is an alert row of its own (stage {@code escalated}), delivered like
 * any other.
 */
@ApplicationScoped
public class AlertEscalation {

    private static final String CLAIM = "SELECT * FROM ops_alert WHERE escalate_at <= :now AND acknowledged_at IS NULL "
            + "ORDER BY escalate_at LIMIT :limit FOR UPDATE SKIP LOCKED";

    private final AlertSinks sinks;
    private final SchemaMigrator migrator;
    private final NotificationsConfig.Alerts config;
    private final Clock clock;

    public AlertEscalation(AlertSinks sinks, SchemaMigrator migrator, NotificationsConfig config, Clock clock) {
        this.sinks = sinks;
        this.migrator = migrator;
        this.config = config.alerts();
        this.clock = clock;
    }

    @Scheduled(every = "${notifications.alerts.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> escalateDue() {
        if (!migrator.isMigrated()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> claim().chain(due -> Multi.createFrom().iterable(due)
                .onItem().transformToUniAndConcatenate(this::escalate).collect().asList()))
                .onFailure().invoke(e -> Log.warnf("Alert escalation round failed, retrying next round: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<List<OpsAlert>> claim() {
        return Panache.getSession().chain(session -> session.createNativeQuery(CLAIM, OpsAlert.class)
                .setParameter("now", clock.instant())
                .setParameter("limit", config.batchSize())
                .getResultList());
    }

    private Uni<Void> escalate(OpsAlert breach) {
        breach.escalateAt = null;
        return OpsAlert.of(breach.ticketId, breach.clockKind, OpsAlert.STAGE_ESCALATED).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            Instant now = clock.instant();
            OpsAlert escalation = new OpsAlert();
            escalation.ticketId = breach.ticketId;
            escalation.clockKind = breach.clockKind;
            escalation.stage = OpsAlert.STAGE_ESCALATED;
            escalation.clockId = breach.clockId;
            escalation.policy = breach.policy;
            escalation.deadline = breach.deadline;
            escalation.firedAt = breach.firedAt;
            escalation.lateSeconds = Math.max(0, java.time.Duration.between(breach.deadline, now).toSeconds());
            escalation.number = breach.number;
            escalation.subject = breach.subject;
            escalation.sink = OpsAlert.SINK_MANAGER;
            escalation.createdAt = now;
            if (sinks.url(OpsAlert.SINK_MANAGER).isPresent()) {
                escalation.state = OpsAlert.PENDING;
                escalation.nextAttemptAt = now;
            } else {
                escalation.state = OpsAlert.NO_SINK;
            }
            Log.warnf("SLA breach on ticket %s (%s) unacknowledged since %s: escalated to the manager (%s)", breach.ticketId,
                    breach.clockKind, breach.createdAt, escalation.state);
            return escalation.persist().replaceWithVoid();
        });
    }
}
