package io.supportsuite.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;

/**
 * Watches support.tickets.v1 from its current end for the ticket.created of a run's messages, whose
 * Message-IDs are {@code bench-<run>-<n>@...}: when each was first seen, how many times, for how many distinct
 * tickets (a message stored twice), how many records came again with a {@code ce_id} already seen (the outbox
 * relay's at-least-once), and how long after its {@code ce_time} (taken as the event enters the outbox, before
 * the rest of its transaction and the commit) each first reached the topic. Where the relay sends its
 * transaction's commit time (header {@code support-committed-at}, when PostgreSQL tracks commit timestamps),
 * also the relay's own share: commit to the record handed to the relay's producer and to its sighting here.
 */
final class TicketWatcher implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final AtomicLongArray seenAt;
    final AtomicIntegerArray seenCount;
    /** Milliseconds from the event's ce_time to its first sighting here; -1 when unknown. */
    final AtomicLongArray outboxToTopicMillis;
    /** Of that, milliseconds from ce_time to the relay handing the record to its producer (the record's timestamp). */
    final AtomicLongArray outboxToProducerMillis;
    /** Milliseconds from the commit of the event's transaction to its first sighting here; -1 when unknown. */
    final AtomicLongArray commitToTopicMillis;
    /** Of that, milliseconds from the commit to the record handed to the relay's producer; -1 when unknown. */
    final AtomicLongArray commitToProducerMillis;
    /** Milliseconds from ce_time to the commit: the rest of the consumer's transaction; -1 when unknown. */
    final AtomicLongArray outboxToCommitMillis;
    private final Map<Integer, Set<String>> ticketIds = new ConcurrentHashMap<>();
    private final Set<String> ceIds = new HashSet<>();
    private final AtomicInteger redelivered = new AtomicInteger();
    private final String prefix;
    private final AtomicBoolean watching = new AtomicBoolean(true);
    private final Thread thread;

    TicketWatcher(String kafka, String run, int count) {
        this.prefix = "bench-" + run + "-";
        this.seenAt = new AtomicLongArray(count);
        this.seenCount = new AtomicIntegerArray(count);
        this.outboxToTopicMillis = new AtomicLongArray(count);
        this.outboxToProducerMillis = new AtomicLongArray(count);
        this.commitToTopicMillis = new AtomicLongArray(count);
        this.commitToProducerMillis = new AtomicLongArray(count);
        this.outboxToCommitMillis = new AtomicLongArray(count);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000"), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.TICKETS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before anything is sent
        this.thread = new Thread(() -> watch(consumer), "ticket-watcher");
        thread.start();
    }

    static String messageId(String run, int n) {
        return "bench-" + run + "-" + n + "@bench.example";
    }

    /**
     * The customer who writes message {@code n} of a run: ten messages each, so that no sender comes near the
     * gateway's per-sender loop limit (20 in 10 minutes by default) however many runs follow one another.
     */
    static String customerAddress(String run, int n) {
        return "customer" + n / 10 + "." + run + "@bench.example";
    }

    /** Waits while tickets keep coming: returns once {@code expected} says all are seen or nothing new came for {@code quiet}. */
    void drain(java.util.function.IntPredicate expected, Duration quiet) throws InterruptedException {
        long lastProgress = System.nanoTime();
        int seenBefore = seen();
        while (!allSeen(expected) && System.nanoTime() - lastProgress < quiet.toNanos()) {
            Thread.sleep(100);
            int seenNow = seen();
            if (seenNow > seenBefore) {
                seenBefore = seenNow;
                lastProgress = System.nanoTime();
            }
        }
        Thread.sleep(1000); // a duplicate would show up just behind its original
    }

    int seen() {
        int seen = 0;
        for (int i = 0; i < seenCount.length(); i++) {
            seen += seenCount.get(i) > 0 ? 1 : 0;
        }
        return seen;
    }

    /** Messages that became more than one ticket (a record delivered again for the same ticket does not count). */
    int createdTwice() {
        return ticketIds.values().stream().mapToInt(ids -> ids.size() - 1).sum();
    }

    /** Records whose ce_id was seen before: the same event published again, which consumers drop (dedupe by ce_id). */
    int redelivered() {
        return redelivered.get();
    }

    /** The outbox relay's share: ce_time to first sighting on the topic, of every message seen, in nanoseconds. */
    long[] outboxToTopic() {
        return nanos(outboxToTopicMillis);
    }

    /** The relay's own part of it: ce_time to the record handed to the relay's producer, in nanoseconds. */
    long[] outboxToProducer() {
        return nanos(outboxToProducerMillis);
    }

    /** The relay's own share: commit to first sighting on the topic, of every message seen with a commit time, in nanoseconds. */
    long[] commitToTopic() {
        return nanos(commitToTopicMillis);
    }

    /** Commit to the record handed to the relay's producer, in nanoseconds. */
    long[] commitToProducer() {
        return nanos(commitToProducerMillis);
    }

    /** ce_time to the commit (the consumer's transaction, not the relay's), in nanoseconds. */
    long[] outboxToCommit() {
        return nanos(outboxToCommitMillis);
    }

    private long[] nanos(AtomicLongArray millis) {
        long[] nanos = new long[seenCount.length()];
        int m = 0;
        for (int i = 0; i < nanos.length; i++) {
            if (seenCount.get(i) > 0 && millis.get(i) >= 0) {
                nanos[m++] = millis.get(i) * 1_000_000;
            }
        }
        return Arrays.copyOf(nanos, m);
    }

    int duplicated() {
        int duplicated = 0;
        for (int i = 0; i < seenCount.length(); i++) {
            duplicated += Math.max(0, seenCount.get(i) - 1);
        }
        return duplicated;
    }

    private boolean allSeen(java.util.function.IntPredicate expected) {
        for (int i = 0; i < seenCount.length(); i++) {
            if (expected.test(i) && seenCount.get(i) == 0) {
                return false;
            }
        }
        return true;
    }

    /** The {@code quantile} of sorted nanosecond latencies, in milliseconds. */
    static long millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1_000_000;
    }

    /** "p50 X ms p99 Y ms max Z ms" of nanosecond latencies. */
    static String percentiles(long[] latencies) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return String.format("p50 %d ms p99 %d ms max %d ms", millis(sorted, 0.50), millis(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1_000_000);
    }

    @Override
    public void close() throws InterruptedException {
        watching.set(false);
        thread.join();
    }

    private void watch(KafkaConsumer<String, String> consumer) {
        try (consumer) {
            while (watching.get()) {
                var records = consumer.poll(Duration.ofMillis(50));
                // When the poll returned, for all of its records: reading them here must not count as their delay.
                long now = System.nanoTime();
                long wallNow = System.currentTimeMillis();
                for (ConsumerRecord<String, String> record : records) {
                    String type = header(record, "ce_type");
                    if (!EventTypes.TICKET_CREATED.equals(type)) {
                        continue;
                    }
                    JsonNode body = body(record.value());
                    int n = indexOf(body);
                    if (n < 0 || n >= seenCount.length()) {
                        continue;
                    }
                    if (!ceIds.add(String.valueOf(header(record, "ce_id")))) {
                        redelivered.incrementAndGet();
                    }
                    ticketIds.computeIfAbsent(n, k -> ConcurrentHashMap.newKeySet()).add(body.path("ticketId").asText(""));
                    if (seenCount.getAndIncrement(n) == 0) {
                        seenAt.set(n, now);
                        outboxToTopicMillis.set(n, sinceCeTime(header(record, "ce_time"), wallNow));
                        outboxToProducerMillis.set(n, sinceCeTime(header(record, "ce_time"), record.timestamp()));
                        String committed = header(record, "support-committed-at");
                        commitToTopicMillis.set(n, committed == null ? -1 : since(committed, wallNow));
                        commitToProducerMillis.set(n, committed == null ? -1 : since(committed, record.timestamp()));
                        outboxToCommitMillis.set(n, committed == null ? -1 : between(header(record, "ce_time"), committed));
                    }
                }
            }
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Milliseconds from an ISO-8601 instant to {@code wallNow}, at least 0; -1 when unreadable. */
    private static long since(String instant, long wallNow) {
        try {
            return Math.max(0, wallNow - java.time.Instant.parse(instant).toEpochMilli());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static long between(String ceTime, String committed) {
        try {
            return Math.max(0, java.time.Instant.parse(committed).toEpochMilli()
                    - java.time.OffsetDateTime.parse(ceTime).toInstant().toEpochMilli());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static long sinceCeTime(String ceTime, long wallNow) {
        try {
            return Math.max(0, wallNow - java.time.OffsetDateTime.parse(ceTime).toInstant().toEpochMilli());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static JsonNode body(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    private int indexOf(JsonNode ticketCreated) {
        try {
            String messageId = ticketCreated.path("messageId").asText("");
            if (!messageId.startsWith(prefix)) {
                return -1;
            }
            return Integer.parseInt(messageId.substring(prefix.length(), messageId.indexOf('@')));
        } catch (Exception e) {
            return -1;
        }
    }
}
