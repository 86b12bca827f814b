package io.supportsuite.notifications.service;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.supportsuite.notifications.alert.AlertPayload;
import io.supportsuite.notifications.alert.OpsAlert;
import io.supportsuite.notifications.config.NotificationsConfig;
import io.supportsuite.runtime.schema.SchemaMigrator;

/**
 * Delivers pending ops alerts (N8). Each round claims due alerts with {@code FOR UPDATE SKIP LOCKED} (so
 * several instances never post the same one), POSTs them concurrently, and records each outcome in the same
 * transaction: sent; or retried later with doubling back-off; or, after the last attempt, failed with the
 * reason. The rows are the durable queue: a restart loses no alert.
 */
@ApplicationScoped
public class AlertDelivery {

    private static final String CLAIM = "SELECT * FROM ops_alert WHERE state = 'pending' AND next_attempt_at <= :now "
            + "ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED";

    private final OpsWebhook webhook;
    private final SchemaMigrator migrator;
    private final NotificationMetrics metrics;
    private final ObjectMapper mapper;
    private final NotificationsConfig.Alerts config;
    private final Clock clock;

    public AlertDelivery(OpsWebhook webhook, SchemaMigrator migrator, NotificationMetrics metrics, ObjectMapper mapper,
            NotificationsConfig config, Clock clock) {
        this.webhook = webhook;
        this.migrator = migrator;
        this.metrics = metrics;
        this.mapper = mapper;
        this.config = config.alerts();
        this.clock = clock;
    }

    @Scheduled(every = "${notifications.alerts.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> deliverDue() {
        if (config.webhookUrl().isEmpty() || !migrator.isMigrated()) {
            return Uni.createFrom().voidItem();
        }
        URI url = config.webhookUrl().get();
        return Panache.withTransaction(() -> claim().chain(alerts -> deliver(url, alerts)))
                .invoke(outcomes -> outcomes.forEach(metrics::alert)) // counted once committed
                .onFailure().invoke(e -> Log.warnf("Ops alert delivery round failed, retrying next round: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<List<OpsAlert>> claim() {
        return Panache.getSession().chain(session -> session.createNativeQuery(CLAIM, OpsAlert.class)
                .setParameter("now", clock.instant())
                .setParameter("limit", config.batchSize())
                .getResultList());
    }

    /** @return the outcome of each alert's attempt */
    private Uni<List<String>> deliver(URI url, List<OpsAlert> alerts) {
        if (alerts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        // Only HTTP runs concurrently here; the managed rows are changed in memory and flushed at commit.
        List<Uni<String>> posts = alerts.stream()
                .map(alert -> webhook.post(url, idempotencyKey(alert), json(alert)).map(result -> apply(alert, result)))
                .toList();
        return Uni.join().all(posts).andFailFast();
    }

    private String apply(OpsAlert alert, OpsWebhook.Result result) {
        Instant now = clock.instant();
        alert.attempts++;
        if (result.delivered()) {
            alert.state = OpsAlert.SENT;
            alert.sentAt = now;
            alert.nextAttemptAt = null;
            alert.lastError = null;
            Log.infof("Ops alert for ticket %s (%s %s) delivered after %d attempt(s)", alert.ticketId, alert.clockKind,
                    alert.stage, alert.attempts);
            return OpsAlert.SENT;
        } else if (alert.attempts >= config.maxAttempts()) {
            alert.state = OpsAlert.FAILED;
            alert.nextAttemptAt = null;
            alert.lastError = result.error();
            Log.errorf("Ops alert for ticket %s (%s %s) given up after %d attempts: %s", alert.ticketId, alert.clockKind,
                    alert.stage, alert.attempts, result.error());
            return OpsAlert.FAILED;
        } else {
            alert.nextAttemptAt = now.plus(backoff(alert.attempts, config.firstBackoff(), config.maxBackoff()));
            alert.lastError = result.error();
            Log.warnf("Ops alert for ticket %s not delivered (attempt %d): %s; next try at %s", alert.ticketId,
                    alert.attempts, result.error(), alert.nextAttemptAt);
            return NotificationMetrics.RETRY;
        }
    }

    /** The wait after the {@code attempts}-th failure: first, doubled per further failure, capped at max. */
    static Duration backoff(int attempts, Duration first, Duration max) {
        Duration wait = first;
        for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private static String idempotencyKey(OpsAlert alert) {
        return "alert:" + alert.ticketId + ":" + alert.clockKind + ":" + alert.stage;
    }

    private String json(OpsAlert alert) {
        try {
            return mapper.writeValueAsString(AlertPayload.of(alert));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Alert not serialisable: " + alert.id, e);
        }
    }
}
