package io.supportsuite.runtime.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.supportsuite.runtime.schema.SchemaMigrator;

/**
 * Publishes outbox rows to Kafka in id order, as binary-mode CloudEvents, and deletes them once the broker
 * acknowledged. Woken by LISTEN/NOTIFY on commit, so relaying adds milliseconds; a poll interval covers a
 * missed notification. Pipelined: rows committed while earlier ones wait for their acknowledgement are read
 * and sent at once (the relay wakes on a notification as well as on an acknowledgement; the producer keeps one
 * request in flight, so the broker appends them in send order), and a row is deleted only once it and every
 * row sent before it are acknowledged. Each record carries its transaction's commit time in the
 * {@value #COMMITTED_AT} header when the database tracks commit timestamps ({@code track_commit_timestamp}),
 * which is also where the {@code support.outbox.lag} timer starts (it stops at the broker's acknowledgement);
 * otherwise both use the row's {@code created_at} (its transaction's start, an upper bound). One relay at a time across
 * instances (a session advisory lock held while relaying), which keeps per-key order. After a failed send
 * everything not yet deleted is sent again, in id order: delivery is at-least-once and consumers dedupe by
 * {@code ce_id}.
 */
@ApplicationScoped
public class OutboxRelay {

    // Any constant shared by all instances of one service (each service has its own database).
    private static final long RELAY_LOCK = 7_353_001L;
    /** Rows sent and not yet acknowledged, at most: this many batches. */
    private static final int BATCHES_IN_FLIGHT = 4;
    /**
     * While rows await their acknowledgement the relay listens for notifications in slices this long and looks
     * at the oldest acknowledgement in between: a commit wakes it at once, an acknowledgement within this.
     */
    private static final int ACK_CHECK_MILLIS = 2;
    /** Configuration keys under this prefix are the relay producer's own settings (Kafka producer names). */
    static final String PRODUCER_SETTINGS = "support.outbox-producer.";
    /** Record header: when the transaction that wrote the event committed (ISO-8601), where known. */
    public static final String COMMITTED_AT = "support-committed-at";

    private final AgroalDataSource dataSource;
    private final KafkaProducer<String, String> producer;
    private final KafkaClientMetrics producerMetrics;
    private final SchemaMigrator migrator;
    private final OutboxConfig config;
    private final Clock clock;
    private final URI source;
    private final Counter relayed;
    private final Timer lag;
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(AgroalDataSource dataSource, @Identifier("default-kafka-broker") Map<String, Object> kafka, Config settings,
            SchemaMigrator migrator, OutboxConfig config, Clock clock, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.dataSource = dataSource;
        this.producer = new KafkaProducer<>(producerConfig(kafka, settings, application), new StringSerializer(), new StringSerializer());
        this.producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(registry);
        this.migrator = migrator;
        this.config = config;
        this.clock = clock;
        this.source = URI.create("/" + application);
        this.relayed = Counter.builder("support.outbox.relayed").description("Events relayed from the outbox to Kafka")
                .register(registry);
        // A histogram (buckets, one at 50 ms): a benchmark reads it before and after a run for that run's share.
        this.lag = Timer.builder("support.outbox.lag")
                .description("Commit of an event (its transaction's start where commit times are not tracked) to its acknowledgement by Kafka")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().serviceLevelObjectives(Duration.ofMillis(50))
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(1))
                .register(registry);
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
        producerMetrics.close();
        producer.close(Duration.ofSeconds(5)); // what it still holds is sent again by the next relay (not yet deleted)
    }

    /**
     * The relay's own producer: the broker address and client settings every Kafka client of the service shares
     * ({@code kafka.*}), then the relay's ({@value #PRODUCER_SETTINGS}{@code *}, e.g. {@code linger.ms}). A plain
     * producer rather than a messaging channel: the connector built each record on the relay's thread, 30–600 ms for
     * a batch of 500 under load, which every event waited for.
     */
    static Map<String, Object> producerConfig(Map<String, Object> kafka, Config settings, String application) {
        Map<String, Object> producer = new HashMap<>(kafka);
        producer.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-outbox");
        for (String name : settings.getPropertyNames()) {
            if (name.startsWith(PRODUCER_SETTINGS)) {
                producer.put(name.substring(PRODUCER_SETTINGS.length()), settings.getValue(name, String.class));
            }
        }
        return producer;
    }

    private void run() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            if (!migrator.isMigrated()) {
                sleep(200);
                continue;
            }
            try (Connection c = dataSource.getConnection()) {
                try {
                    relay(c);
                    backoff = Duration.ofMillis(200);
                } finally {
                    unlock(c); // the connection goes back to the pool: it must not keep the relay's lock nor listen
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

    /** Relays while this instance holds the relay lock; waits on notifications (or acknowledgements) in between. */
    private void relay(Connection c) throws Exception {
        c.setAutoCommit(true);
        try (Statement listen = c.createStatement()) {
            listen.execute("LISTEN outbox");
        }
        PGConnection notifications = c.unwrap(PGConnection.class);
        while (running && !tryLock(c)) {
            notifications.getNotifications((int) config.pollInterval().toMillis()); // another instance is relaying
        }
        boolean commitTimes = tracksCommitTimes(c);
        try (Statement s = c.createStatement()) {
            // The ids in flight are a parameter of every read: planned with their values, "<> ALL" is a hash lookup.
            s.execute("SET plan_cache_mode = force_custom_plan");
        }
        InFlight inFlight = new InFlight();
        try {
            while (running) {
                boolean deleted = deleteAcknowledged(c, inFlight);
                int sent = inFlight.size() < BATCHES_IN_FLIGHT * config.batchSize() ? sendNext(c, inFlight, commitTimes) : 0;
                if (deleted || sent > 0) {
                    continue;
                }
                await(notifications, inFlight);
            }
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("RESET plan_cache_mode");
            } catch (SQLException e) {
                // the session is gone
            }
        }
    }

    /**
     * Waits for something to do: a notification (rows committed), the oldest acknowledgement (rows to delete,
     * room to send), or the poll interval. A commit never waits for an acknowledgement.
     */
    private void await(PGConnection notifications, InFlight inFlight) throws SQLException {
        long pollMillis = Math.max(1, config.pollInterval().toMillis());
        if (inFlight.size() == 0) {
            notifications.getNotifications((int) pollMillis);
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pollMillis);
        CompletableFuture<Void> oldest = inFlight.oldest();
        while (running && !oldest.isDone() && System.nanoTime() < deadline) {
            PGNotification[] received = notifications.getNotifications(ACK_CHECK_MILLIS);
            if (received != null && received.length > 0) {
                return;
            }
        }
    }

    /** Reads the oldest rows not in flight and hands them to the producer; returns how many. */
    private int sendNext(Connection c, InFlight inFlight, boolean commitTimes) throws SQLException {
        List<Row> rows = fetch(c, inFlight.ids(), commitTimes);
        for (Row row : rows) {
            inFlight.add(row, send(row));
        }
        return rows.size();
    }

    /** True when the database records commit times ({@code track_commit_timestamp = on}). */
    private static boolean tracksCommitTimes(Connection c) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW track_commit_timestamp")) {
            return rs.next() && "on".equalsIgnoreCase(rs.getString(1));
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Deletes the rows acknowledged so far, up to the first one still waiting (so that a failure sends again
     * everything after it, in order). A failed send fails the round: the caller starts over from the table.
     */
    private boolean deleteAcknowledged(Connection c, InFlight inFlight) throws Exception {
        List<Row> acknowledged = inFlight.takeAcknowledged();
        if (!acknowledged.isEmpty()) {
            delete(c, acknowledged);
            relayed.increment(acknowledged.size());
        }
        Throwable failure = inFlight.failure();
        if (failure != null) {
            inFlight.settle(config.sendTimeout());
            throw new IllegalStateException("Kafka refused an outbox event; resending from the oldest unacknowledged", failure);
        }
        return !acknowledged.isEmpty();
    }

    /** Hands the row to the producer as a binary-mode CloudEvent ({@code ce_*} headers, JSON body). */
    private CompletableFuture<Void> send(Row row) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", row.ceId().toString());
        header(headers, "ce_type", row.type());
        header(headers, "ce_source", source.toString());
        if (row.subject() != null) {
            header(headers, "ce_subject", row.subject());
        }
        header(headers, "ce_time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(row.time().atOffset(ZoneOffset.UTC)));
        header(headers, "content-type", "application/json");
        if (row.committed() != null) {
            header(headers, COMMITTED_AT, row.committed().toString());
        }
        producer.send(new ProducerRecord<>(row.topic(), null, row.key(), row.payload(), headers), (metadata, failure) -> {
            if (failure != null) {
                acked.completeExceptionally(failure);
            } else {
                lag.record(Math.max(0, clock.millis() - row.committedAtMillis()), TimeUnit.MILLISECONDS);
                acked.complete(null);
            }
        });
        return acked;
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean tryLock(Connection c) throws SQLException {
        return query(c, "SELECT pg_try_advisory_lock(" + RELAY_LOCK + ")");
    }

    private static void unlock(Connection c) {
        try (Statement s = c.createStatement()) {
            s.execute("UNLISTEN *");
            s.execute("SELECT pg_advisory_unlock_all()");
        } catch (SQLException e) {
            // the session is gone, and its lock with it
        }
    }

    private static boolean query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private List<Row> fetch(Connection c, Long[] inFlight, boolean commitTimes) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, topic, record_key, ce_id, ce_type, ce_subject, ce_time, "
                + "payload, created_at, " + (commitTimes ? "pg_xact_commit_timestamp(xmin)" : "NULL::timestamptz")
                + " FROM outbox WHERE id <> ALL(?) ORDER BY id LIMIT ?")) {
            s.setArray(1, c.createArrayOf("bigint", inFlight));
            s.setInt(2, config.batchSize());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    java.sql.Timestamp committed = rs.getTimestamp(10); // null: committed before tracking was on
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), (UUID) rs.getObject(4), rs.getString(5),
                            rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getTimestamp(9).getTime(),
                            committed == null ? null : committed.toInstant()));
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

    /** Rows handed to the producer and not yet deleted, in id order, each with its acknowledgement. */
    private static final class InFlight {
        private final TreeMap<Long, Sent> sent = new TreeMap<>();

        private record Sent(Row row, CompletableFuture<Void> ack) {
        }

        void add(Row row, CompletableFuture<Void> ack) {
            sent.put(row.id(), new Sent(row, ack));
        }

        int size() {
            return sent.size();
        }

        Long[] ids() {
            return sent.keySet().toArray(Long[]::new);
        }

        CompletableFuture<Void> oldest() {
            return sent.isEmpty() ? null : sent.firstEntry().getValue().ack();
        }

        /** Removes and returns the acknowledged rows before the first one not acknowledged. */
        List<Row> takeAcknowledged() {
            List<Row> done = new ArrayList<>();
            while (!sent.isEmpty()) {
                Sent first = sent.firstEntry().getValue();
                if (!first.ack().isDone() || first.ack().isCompletedExceptionally()) {
                    break;
                }
                done.add(first.row());
                sent.pollFirstEntry();
            }
            return done;
        }

        Throwable failure() {
            for (Sent s : sent.values()) {
                if (s.ack().isCompletedExceptionally()) {
                    return s.ack().handle((ok, e) -> e).join();
                }
            }
            return null;
        }

        /** Waits (bounded) until every send has an outcome, so that nothing still in the producer is sent again meanwhile. */
        void settle(Duration limit) {
            try {
                CompletableFuture.allOf(sent.values().stream().map(Sent::ack).toArray(CompletableFuture[]::new))
                        .get(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // outcomes of failed or timed-out sends are not needed: all of them are sent again
            }
            sent.clear();
        }
    }

    /** @param committed when its transaction committed; null where that is not known */
    private record Row(long id, String topic, String key, UUID ceId, String type, String subject, java.time.Instant time,
            String payload, long createdAtMillis, java.time.Instant committed) {

        long committedAtMillis() {
            return committed == null ? createdAtMillis : committed.toEpochMilli();
        }
    }
}
