package io.supportsuite.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.postgresql.PGConnection;

import io.supportsuite.events.Topics;

/**
 * notification-service's durable schedule: N scheduled delay notices with due times spread evenly over a
 * window, seeded straight into its {@code scheduled_notification} table (there is no public API that
 * schedules a message; the SLA warning path would measure sla-monitor too), then sent by the running service.
 * Lateness = the message.send record's timestamp on support.outbound.v1 − the row's due time. Sent vs
 * expected counts every idempotency key once (loss, duplicates). The baseline in the same run is the
 * broker's own rate for as many records of the same size put straight on a scratch topic.
 */
final class ScheduledNotificationsBenchmark {

    private static final int TICKETS_PER_NOTIFICATION = 10;

    private ScheduledNotificationsBenchmark() {
    }

    static void run(Options options) throws Exception {
        int count = options.number("count", 1_000_000);
        int rate = options.number("rate", 2_500);
        String kafka = options.text("kafka", "localhost:9092");
        String jdbc = options.text("jdbc", "jdbc:postgresql://localhost:5432/notifications");
        String user = options.text("pg-user", "postgres");
        String password = options.text("pg-password", "postgres");
        Duration drain = Duration.ofSeconds(options.number("drain", 30));
        long windowMillis = Math.max(1, count * 1000L / rate);
        String run = UUID.randomUUID().toString().substring(0, 8);

        try (Connection db = DriverManager.getConnection(jdbc, user, password);
                KafkaConsumer<String, String> consumer = outboundConsumer(kafka)) {
            // due times start after seeding plus a margin: seeding that overlaps the window makes its first rows late
            // before the dispatcher saw them (a busy machine COPYs about 10,000 rows/s; --lead overrides the estimate)
            Instant first = Instant.now().plusSeconds(options.number("lead", 10 + count / 10_000));
            System.out.printf("scheduled-notifications: run %s seeding %d rows straight into scheduled_notification "
                    + "(due %s .. +%d s, %d/s)%n", run, count, first, windowMillis / 1000, rate);
            long seedStart = System.nanoTime();
            seed(db, run, count, first, windowMillis);
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            if (Instant.now().isAfter(first)) {
                System.out.println("warning: seeding ended after the first due time; early rows start late");
            }

            long[] lateness = new long[count];
            int[] seen = new int[count];
            long firstSent = Long.MAX_VALUE;
            long lastSent = 0;
            int distinct = 0;
            int duplicates = 0;
            Instant deadline = first.plusMillis(windowMillis);
            long quietSince = System.nanoTime();
            String prefix = "\"idempotencyKey\":\"bench:" + run + ":";
            while (distinct < count && (Instant.now().isBefore(deadline) || System.nanoTime() - quietSince < drain.toNanos())) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    int at = record.value().indexOf(prefix);
                    if (at < 0) {
                        continue;
                    }
                    int start = at + prefix.length();
                    int n = Integer.parseInt(record.value().substring(start, record.value().indexOf('"', start)));
                    quietSince = System.nanoTime();
                    if (seen[n]++ > 0) {
                        duplicates++;
                        continue;
                    }
                    distinct++;
                    long due = first.toEpochMilli() + n * windowMillis / count;
                    lateness[n] = Math.max(0, record.timestamp() - due) * 1_000_000;
                    firstSent = Math.min(firstSent, record.timestamp());
                    lastSent = Math.max(lastSent, record.timestamp());
                }
            }
            long[] measured = new long[distinct];
            for (int i = 0, m = 0; i < count; i++) {
                if (seen[i] > 0) {
                    measured[m++] = lateness[i];
                }
            }
            double rendered = distinct / Math.max(0.001, (lastSent - firstSent) / 1000.0);
            double baseline = Baseline.brokerRate(kafka, count, 900);
            System.out.printf("scheduled-notifications: %d expected, %d sent, lost %d, duplicated %d; send lateness %s; "
                    + "rendered %.0f messages/s (offered %d/s); broker baseline %.0f records/s (ratio %.3f); seeding %.1f s%n",
                    count, distinct, count - distinct, duplicates, TicketWatcher.percentiles(measured), rendered, rate, baseline,
                    rendered / baseline, seedSeconds);
            System.out.println("scheduled-notifications: rows by state " + states(db, run));
        }
    }

    /** COPY the rows in: the tickets (one per ten notices) and the delay notices, all pending. */
    private static void seed(Connection db, String run, int count, Instant first, long windowMillis) throws Exception {
        var copy = ((PGConnection) db.unwrap(PGConnection.class)).getCopyAPI();
        int tickets = Math.max(1, count / TICKETS_PER_NOTIFICATION);
        String now = Instant.now().toString();
        StringBuilder rows = new StringBuilder();
        for (int t = 0; t < tickets; t++) {
            rows.append("bench-").append(run).append('-').append(t).append('\t').append(t).append("\tBenchmark ticket ")
                    .append(t).append("\temail\topen\tcust-").append(t % 1000).append("\tCustomer ").append(t % 1000)
                    .append("\ten\tUTC\tcustomer").append(t % 1000).append("@bench.example\t").append(now).append('\t')
                    .append(now).append('\n');
        }
        copy.copyIn("COPY ticket_contact (ticket_id, ticket_number, subject, channel, status, customer_id, customer_name, "
                + "locale, time_zone, email, created_at, updated_at) FROM STDIN", new StringReader(rows.toString()));
        int chunk = 100_000;
        for (int from = 0; from < count; from += chunk) {
            rows.setLength(0);
            for (int i = from; i < Math.min(count, from + chunk); i++) {
                Instant due = first.plusMillis(i * windowMillis / count);
                rows.append(UUID.randomUUID()).append("\tbench:").append(run).append(':').append(i)
                        .append("\tDELAY_NOTICE\tbench-").append(run).append('-').append(i % tickets).append('\t').append(due)
                        .append('\t').append(due.plusSeconds(7200)).append("\tpending\t").append(now).append('\t').append(now)
                        .append('\n');
            }
            copy.copyIn("COPY scheduled_notification (id, dedup_key, kind, ticket_id, due_at, new_eta, state, created_at, "
                    + "updated_at) FROM STDIN", new StringReader(rows.toString()));
        }
    }

    private static KafkaConsumer<String, String> outboundConsumer(String kafka) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000"), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(Topics.OUTBOUND).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start before anything is seeded
        return consumer;
    }

    private static String states(Connection db, String run) throws Exception {
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT state, count(*) FROM scheduled_notification WHERE dedup_key LIKE 'bench:"
                        + run + ":%' GROUP BY state ORDER BY state")) {
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                out.append(rs.getString(1)).append('=').append(rs.getLong(2)).append(' ');
            }
            return out.toString().trim();
        }
    }
}
