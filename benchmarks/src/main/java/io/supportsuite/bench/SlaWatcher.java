package io.supportsuite.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * Watches support.sla.v1 from its current end for the warnings and breaches of a run's clocks (ticket ids
 * {@code slabench-<run>-<n>}): per (clock, stage) how many times it came, when it was first seen and the
 * {@code firedAt} it carried. A stage seen twice under one {@code ce_id} is one event delivered again (the
 * outbox relay is at-least-once; consumers drop it by id); under two ids it fired twice.
 */
final class SlaWatcher implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String prefix;
    private final AtomicIntegerArray seenCount;
    private final AtomicLongArray seenAt;
    private final AtomicLongArray firedAt;
    private final AtomicLongArray firstEventId;
    private final AtomicIntegerArray otherEventIds;
    private final AtomicBoolean watching = new AtomicBoolean(true);
    private final Thread thread;

    SlaWatcher(String kafka, String run, int count) {
        this.prefix = SlaClocksBenchmark.ticketId(run, 0).replaceAll("0$", "");
        int slots = count * SlaClocksBenchmark.STAGES.length;
        this.seenCount = new AtomicIntegerArray(slots);
        this.seenAt = new AtomicLongArray(slots);
        this.firedAt = new AtomicLongArray(slots);
        this.firstEventId = new AtomicLongArray(slots);
        this.otherEventIds = new AtomicIntegerArray(slots);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000"), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.SLA).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before anything is seeded
        this.thread = new Thread(() -> watch(consumer), "sla-watcher");
        thread.start();
    }

    private static int slot(int clock, int stage) {
        return clock * 3 + switch (stage) {
            case 50 -> 0;
            case 80 -> 1;
            default -> 2;
        };
    }

    /** The stages due in [from, to): expected, seen, missed, doubled and their lateness. */
    SlaClocksBenchmark.Stats stats(SlaClocksBenchmark.Plan plan, Instant from, Instant to) {
        int expected = 0, seen = 0, doubled = 0, redelivered = 0;
        long[] seenLate = new long[1024];
        long[] firedLate = new long[1024];
        for (int clock = 0; clock < plan.count(); clock++) {
            if (!plan.due(clock, 50).isBefore(to)) {
                break;
            }
            if (plan.due(clock, 100).isBefore(from)) {
                continue;
            }
            for (int stage : SlaClocksBenchmark.STAGES) {
                Instant due = plan.due(clock, stage);
                if (due.isBefore(from) || !due.isBefore(to)) {
                    continue;
                }
                int slot = slot(clock, stage);
                int times = seenCount.get(slot);
                if (times > 0) {
                    if (seen == seenLate.length) {
                        seenLate = java.util.Arrays.copyOf(seenLate, seen * 2);
                        firedLate = java.util.Arrays.copyOf(firedLate, seen * 2);
                    }
                    seenLate[seen] = Math.max(0, seenAt.get(slot) - due.toEpochMilli()) * 1_000_000;
                    firedLate[seen] = Math.max(0, firedAt.get(slot) - due.toEpochMilli()) * 1_000_000;
                    seen++;
                    doubled += otherEventIds.get(slot);
                    redelivered += times - 1 - otherEventIds.get(slot);
                }
                expected++;
            }
        }
        return new SlaClocksBenchmark.Stats(expected, seen, expected - seen, doubled, redelivered,
                TicketWatcher.percentiles(java.util.Arrays.copyOf(seenLate, seen)),
                TicketWatcher.percentiles(java.util.Arrays.copyOf(firedLate, seen)));
    }

    /** Waits until every stage due in [from, to) was seen; returns how long after {@code to} that was. */
    Duration awaitAllSeen(SlaClocksBenchmark.Plan plan, Instant from, Instant to, Duration limit) throws InterruptedException {
        while (Duration.between(to, Instant.now()).compareTo(limit) < 0) {
            long last = 0;
            boolean all = true;
            for (int clock = 0; clock < plan.count() && all; clock++) {
                if (!plan.due(clock, 50).isBefore(to)) {
                    break;
                }
                for (int stage : SlaClocksBenchmark.STAGES) {
                    Instant due = plan.due(clock, stage);
                    if (due.isBefore(from) || !due.isBefore(to)) {
                        continue;
                    }
                    int slot = slot(clock, stage);
                    if (seenCount.get(slot) == 0) {
                        all = false;
                        break;
                    }
                    last = Math.max(last, seenAt.get(slot));
                }
            }
            if (all) {
                return Duration.ofMillis(Math.max(0, last - to.toEpochMilli()));
            }
            Thread.sleep(100);
        }
        System.out.println("warning: not every stage due while the service was down was seen within " + limit);
        return limit;
    }

    /**
     * Waits until a stage due after {@code startedAt} is seen within {@code onTime} of its due time (stages fire
     * in due order, so the backlog is gone then); returns how long after {@code startedAt} it was seen.
     */
    Duration awaitOnTime(SlaClocksBenchmark.Plan plan, Instant startedAt, Duration onTime, Duration limit)
            throws InterruptedException {
        int from = 0;
        while (from < plan.count() && plan.due(from, 100).isBefore(startedAt)) {
            from++;
        }
        while (Duration.between(startedAt, Instant.now()).compareTo(limit) < 0) {
            for (int clock = from; clock < plan.count() && plan.due(clock, 50).isBefore(Instant.now()); clock++) {
                for (int stage : SlaClocksBenchmark.STAGES) {
                    int slot = slot(clock, stage);
                    long due = plan.due(clock, stage).toEpochMilli();
                    if (due >= startedAt.toEpochMilli() && seenCount.get(slot) > 0
                            && seenAt.get(slot) - due <= onTime.toMillis()) {
                        return Duration.ofMillis(seenAt.get(slot) - startedAt.toEpochMilli());
                    }
                }
            }
            Thread.sleep(200);
        }
        System.out.println("warning: not on time again within " + limit);
        return limit;
    }

    @Override
    public void close() throws InterruptedException {
        watching.set(false);
        thread.join();
    }

    private void watch(KafkaConsumer<String, String> consumer) {
        try (consumer) {
            while (watching.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.currentTimeMillis();
                    Header type = record.headers().lastHeader("ce_type");
                    String ceType = type == null ? "" : new String(type.value(), StandardCharsets.UTF_8);
                    boolean breach = EventTypes.SLA_BREACHED.equals(ceType);
                    if (!breach && !EventTypes.SLA_WARNING.equals(ceType) || record.key() == null
                            || !record.key().startsWith(prefix)) {
                        continue;
                    }
                    int clock = Integer.parseInt(record.key().substring(prefix.length()));
                    try {
                        JsonNode event = JSON.readTree(record.value());
                        int stage = breach ? 100 : event.path("stagePercent").asInt();
                        int slot = slot(clock, stage);
                        Header id = record.headers().lastHeader("ce_id");
                        long eventId = id == null ? 0 : new String(id.value(), StandardCharsets.UTF_8).hashCode();
                        if (clock >= seenCount.length() / 3) {
                            continue;
                        }
                        if (seenCount.getAndIncrement(slot) == 0) {
                            seenAt.set(slot, now);
                            firedAt.set(slot, Instant.parse(event.path("firedAt").asText()).toEpochMilli());
                            firstEventId.set(slot, eventId);
                        } else if (firstEventId.get(slot) != eventId) {
                            otherEventIds.incrementAndGet(slot); // fired again, not the same event delivered again
                        }
                    } catch (Exception e) {
                        System.out.println("unreadable event: " + e.getMessage());
                    }
                }
            }
        }
    }
}
