package io.supportsuite.sla.firing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.postgresql.PGConnection;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.supportsuite.runtime.schema.SchemaMigrator;
import io.supportsuite.sla.config.SlaConfig;
import io.supportsuite.sla.metrics.SlaMetrics;

/**
 * Fires every stage at its time (R1, R4): sleeps until the earliest armed stage (at most
 * {@code sla.firing.max-wait}), woken at once by the NOTIFY a newly armed clock sends on commit, then runs a
 * {@link StageFiring} round. Nothing is kept in memory: at start-up the first round fires, in due order,
 * whatever fell due while no loop ran. Any number of loops (instances) may run at once.
 */
@ApplicationScoped
public class FiringLoop {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final AgroalDataSource dataSource;
    private final StageFiring firing;
    private final SchemaMigrator migrator;
    private final SlaMetrics metrics;
    private final SlaConfig config;
    private final Clock clock;
    private volatile boolean running;
    private Thread worker;
    private volatile Thread gauge;

    public FiringLoop(AgroalDataSource dataSource, StageFiring firing, SchemaMigrator migrator, SlaMetrics metrics,
            SlaConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.firing = firing;
        this.migrator = migrator;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (worker != null) {
            return;
        }
        running = true;
        worker = new Thread(this::run, "sla-firing");
        worker.setDaemon(true);
        worker.start();
        gauge = new Thread(this::countLiveClocks, "sla-clock-gauge"); // a count of a million rows never delays a firing
        gauge.setDaemon(true);
        gauge.start();
    }

    /** Stops the loop and waits until a round in progress has finished. */
    public synchronized void stop() {
        Thread stopping = worker;
        if (stopping == null) {
            return;
        }
        running = false;
        stopping.interrupt();
        gauge.interrupt();
        try {
            stopping.join(MAX_BACKOFF.plus(config.firing().maxWait()).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker = null;
    }

    private void run() {
        Duration backoff = FIRST_BACKOFF;
        while (running) {
            if (!migrator.isMigrated()) {
                sleep(FIRST_BACKOFF);
                continue;
            }
            try (Connection connection = dataSource.getConnection(); Statement listen = connection.createStatement()) {
                listen.execute("LISTEN clock_armed");
                PGConnection notifications = connection.unwrap(PGConnection.class);
                backoff = FIRST_BACKOFF;
                while (running) {
                    StageFiring.Round round = firing.fireDue();
                    Duration sleep = FiringPlan.sleep(round.fired(), round.earliest(), clock.instant(),
                            config.firing().maxWait(), config.firing().lockedRetry());
                    if (running && !sleep.isZero()) {
                        notifications.getNotifications((int) Math.max(1, sleep.toMillis()));
                    }
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                if (backoff.equals(FIRST_BACKOFF)) {
                    Log.warnf(e, "SLA firing paused for %d ms", backoff.toMillis()); // the whole story, once per outage
                } else {
                    Log.warnf("SLA firing paused for %d ms: %s", backoff.toMillis(), e.getMessage());
                }
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** Refreshes the live-clocks gauge every {@code gauge-refresh}, from the partial index of live clocks. */
    private void countLiveClocks() {
        while (running && Thread.currentThread() == gauge) {
            sleep(config.firing().gaugeRefresh());
            if (!running || !migrator.isMigrated()) {
                continue;
            }
            Map<String, Map<String, Long>> counts = new HashMap<>();
            try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("SELECT kind, state, count(*) FROM clock WHERE state <> 'stopped' GROUP BY kind, state")) {
                while (rs.next()) {
                    counts.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                }
                metrics.live(counts);
            } catch (Exception e) {
                Log.debugf("Live clocks not counted: %s", e.getMessage());
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
