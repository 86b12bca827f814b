package io.supportsuite.runtime.outbox;

import java.net.URI;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.postgresql.PGConnection;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.supportsuite.runtime.schema.SchemaMigrator;

/**
 * Publishes outbox rows to Kafka in id order, as binary-mode CloudEvents, and deletes them once the broker
 * acknowledged. Woken by LISTEN/NOTIFY on commit, so relaying adds milliseconds; a poll interval covers a
 * missed notification. One relay at a time across instances (an advisory lock), which keeps per-key order.
 * A failed batch is retried whole: delivery is at-least-once and consumers dedupe by {@code ce_id}.
 */
@ApplicationScoped
public class OutboxRelay {

    // Any constant shared by all instances of one service (each service has its own database).
    private static final long RELAY_LOCK = 7_353_001L;

    private final AgroalDataSource dataSource;
    private final Emitter<String> emitter;
    private final SchemaMigrator migrator;
    private final OutboxConfig config;
    private final Clock clock;
    private final URI source;
    private final Counter relayed;
    private final Timer lag;
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(AgroalDataSource dataSource,
            @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096) Emitter<String> emitter,
            SchemaMigrator migrator, OutboxConfig config, Clock clock, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.dataSource = dataSource;
        this.emitter = emitter;
        this.migrator = migrator;
        this.config = config;
        this.clock = clock;
        this.source = URI.create("/" + application);
        this.relayed = Counter.builder("support.outbox.relayed").description("Events relayed from the outbox to Kafka")
                .register(registry);
        this.lag = Timer.builder("support.outbox.lag").description("Commit of an event to its acknowledgement by Kafka")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (worker != null) {
            worker.interrupt();
        }
    }

    private void run() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            if (!migrator.isMigrated()) {
                sleep(200);
                continue;
            }
            try (Connection listener = dataSource.getConnection(); Statement listen = listener.createStatement()) {
                listen.execute("LISTEN outbox");
                PGConnection notifications = listener.unwrap(PGConnection.class);
                backoff = Duration.ofMillis(200);
                while (running) {
                    if (relayBatch() < config.batchSize()) {
                        notifications.getNotifications((int) config.pollInterval().toMillis());
                    }
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                Log.warnf("Outbox relay paused for %d ms: %s", backoff.toMillis(), e.getMessage());
                sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                        : backoff.multipliedBy(2);
            }
        }
    }

    /** Relays one batch; returns how many rows it relayed. */
    int relayBatch() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!tryLock(c)) {
                    c.rollback();
                    return 0; // another instance is relaying
                }
                List<Row> rows = fetch(c);
                if (rows.isEmpty()) {
                    c.commit();
                    return 0;
                }
                List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
                for (Row row : rows) {
                    acks.add(send(row));
                }
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                        .get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                delete(c, rows);
                c.commit();
                relayed.increment(rows.size());
                long now = clock.millis();
                rows.forEach(r -> lag.record(Math.max(0, now - r.createdAtMillis()), TimeUnit.MILLISECONDS));
                return rows.size();
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    private CompletableFuture<Void> send(Row row) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        Message<String> message = Message.of(row.payload())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withTopic(row.topic()).withKey(row.key()).build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(row.ceId().toString())
                        .withType(row.type())
                        .withSource(source)
                        .withSubject(row.subject())
                        .withTimestamp(row.time().atZone(ZoneOffset.UTC))
                        .withDataContentType("application/json")
                        .build())
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        return acked;
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_try_advisory_xact_lock(" + RELAY_LOCK + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private List<Row> fetch(Connection c) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, topic, record_key, ce_id, ce_type, ce_subject, ce_time, "
                + "payload, created_at FROM outbox ORDER BY id LIMIT ?")) {
            s.setInt(1, config.batchSize());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), (UUID) rs.getObject(4), rs.getString(5),
                            rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getTimestamp(9).getTime()));
                }
            }
        }
        return rows;
    }

    private static void delete(Connection c, List<Row> rows) throws SQLException {
        Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
        try (PreparedStatement s = c.prepareStatement("DELETE FROM outbox WHERE id = ANY(?)")) {
            Array array = c.createArrayOf("bigint", ids);
            s.setArray(1, array);
            s.executeUpdate();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Row(long id, String topic, String key, UUID ceId, String type, String subject, java.time.Instant time,
            String payload, long createdAtMillis) {
    }
}
