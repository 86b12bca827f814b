package io.supportsuite.notifications.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.supportsuite.notifications.alert.AlertTransport;
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

    private final AlertTransport transport;
    private final SchemaMigrator migrator;
    private final NotificationMetrics metrics;
    private final NotificationsConfig.Alerts config;
    private final Clock clock;

    public AlertDelivery(AlertTransport transport, SchemaMigrator migrator, NotificationMetrics metrics,
            NotificationsConfig config, Clock clock) {
        this.transport = transport;
        this.migrator = migrator;
        this.metrics = metrics;
        this.config = config.alerts();
        this.clock = clock;
    }

    @Scheduled(every = "${notifications.alerts.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> deliverDue() {
        if (!migrator.isMigrated()) { // agents' own addresses need no configured sink
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> claim().chain(this::deliver))
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

    /**
     * Posts each sink's due alerts: one by one, or — a burst of {@code digest-from} or more for one sink in
     * a round — as one digest that names every alert (throttled, nothing dropped).
     *
     * @return the outcome of each alert's attempt
     */
    private Uni<List<String>> deliver(List<OpsAlert> alerts) {
        if (alerts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        // Only HTTP runs concurrently here; the managed rows are changed in memory and flushed at commit.
        List<Uni<List<String>>> posts = new ArrayList<>();
        // per sink, and per agent mailbox within the agent sink: a digest reaches only the person it is about
        alerts.stream().collect(Collectors.groupingBy(a -> a.recipient == null ? a.sink : a.sink + ":" + a.recipient,
                LinkedHashMap::new, Collectors.toList()))
                .forEach((sink, due) -> {
                    if (due.size() >= config.digestFrom()) {
                        Log.infof("%d ops alerts for sink %s at once: sent as one digest", due.size(), sink);
                        String key = "digest:" + sink + ":"
                                + due.stream().map(a -> String.valueOf(a.id)).collect(Collectors.joining(","));
                        posts.add(transport.send(due.get(0).sink, due, key).map(result -> due.stream().map(a -> apply(a, result)).toList()));
                    } else {
                        due.forEach(alert -> posts.add(transport.send(alert.sink, List.of(alert), idempotencyKey(alert))
                                .map(result -> List.of(apply(alert, result)))));
                    }
                });
        return Uni.join().all(posts).andFailFast().map(outcomes -> outcomes.stream().flatMap(List::stream).toList());
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
}
