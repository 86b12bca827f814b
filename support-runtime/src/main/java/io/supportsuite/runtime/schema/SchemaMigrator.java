package io.supportsuite.runtime.schema;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.flywaydb.core.Flyway;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Applies the service's Flyway migrations after start-up, retrying until PostgreSQL answers.
 * Quarkus' own migrate-at-start would fail the boot when the database is down, and an orchestrator
 * would then crash-loop the service; here the service stays live and reports not-ready instead.
 */
@ApplicationScoped
public class SchemaMigrator {

    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration MAX_RETRY = Duration.ofSeconds(5);

    private final Flyway flyway;
    private final AtomicReference<String> state = new AtomicReference<>("pending");
    private volatile boolean migrated;
    private volatile Thread worker;

    public SchemaMigrator(Flyway flyway) {
        this.flyway = flyway;
    }

    void onStart(@Observes StartupEvent event) {
        worker = new Thread(this::migrateUntilDone, "schema-migrator");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        Thread running = worker;
        if (running != null) {
            running.interrupt();
        }
    }

    public boolean isMigrated() {
        return migrated;
    }

    /** "pending", the last failure, or the schema version once migrated. */
    public String state() {
        return state.get();
    }

    private void migrateUntilDone() {
        Duration wait = FIRST_RETRY;
        while (!migrated && !Thread.currentThread().isInterrupted()) {
            try {
                var result = flyway.migrate();
                String version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                        : String.valueOf(flyway.info().current().getVersion());
                state.set("version " + version);
                migrated = true;
                Log.infof("Database schema at version %s (%d migrations applied)", version, result.migrationsExecuted);
            } catch (RuntimeException e) {
                state.set("waiting for the database: " + rootMessage(e));
                Log.warnf("Database not reachable for migration, retrying in %d ms: %s", wait.toMillis(), rootMessage(e));
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                wait = wait.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait.multipliedBy(2);
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
