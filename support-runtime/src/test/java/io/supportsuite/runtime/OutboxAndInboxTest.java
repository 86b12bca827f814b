package io.supportsuite.runtime;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.devstack.testing.Reactive;
import io.supportsuite.devstack.testing.TopicProbe;
import io.supportsuite.runtime.outbox.Outbox;
import io.supportsuite.runtime.outbox.OutboxRelay;
import io.supportsuite.runtime.schema.SchemaMigrator;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class OutboxAndInboxTest {

    record Sample(int n) {
    }

    @Inject
    Outbox outbox;

    @Inject
    SchemaMigrator migrator;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void committedEventsReachKafkaAsCloudEventsInOrderAndLeaveTheOutbox() {
        await().until(migrator::isMigrated);
        String key = "ticket-" + UUID.randomUUID();
        try (TopicProbe probe = new TopicProbe(bootstrap, "runtime.relay")) {
            transaction(() -> Multi.createFrom().range(0, 20)
                    .onItem().transformToUniAndConcatenate(
                            n -> outbox.append("runtime.relay", key, "support.sample.v1", key, new Sample(n)))
                    .collect().last().replaceWithVoid());

            List<ConsumerRecord<String, String>> records = awaitRecords(probe, key, 20);
            assertEquals(IntStream.range(0, 20).mapToObj(n -> "{\"n\":" + n + "}").toList(),
                    records.stream().map(ConsumerRecord::value).toList(), "same key, same order");
            ConsumerRecord<String, String> first = records.get(0);
            assertEquals("support.sample.v1", TopicProbe.header(first, "ce_type"));
            assertEquals("1.0", TopicProbe.header(first, "ce_specversion"));
            assertEquals("/support-runtime-test", TopicProbe.header(first, "ce_source"));
            assertEquals(key, TopicProbe.header(first, "ce_subject"));
            assertEquals(20, records.stream().map(r -> TopicProbe.header(r, "ce_id")).distinct().count());
            if (tracksCommitTimes()) { // the dev stack's embedded PostgreSQL does; an existing server may not
                Instant committed = Instant.parse(TopicProbe.header(first, OutboxRelay.COMMITTED_AT));
                assertFalse(committed.isBefore(OffsetDateTime.parse(TopicProbe.header(first, "ce_time")).toInstant()),
                        "committed after the event entered the outbox");
                assertTrue(records.stream().allMatch(r -> committed.toString().equals(TopicProbe.header(r, OutboxRelay.COMMITTED_AT))),
                        "one transaction, one commit time");
            } else {
                assertTrue(records.stream().allMatch(r -> TopicProbe.header(r, OutboxRelay.COMMITTED_AT) == null),
                        "no commit time where the server does not track it");
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT count(*) FROM outbox") == 0);
    }

    @Test
    void eventsOfSuccessiveTransactionsReachKafkaOncePerEventInOrderPerKeyWhileTheRelayPipelines() {
        await().until(migrator::isMigrated);
        String run = UUID.randomUUID().toString();
        List<String> keys = IntStream.range(0, 4).mapToObj(k -> "pipelined-" + k + "-" + run).toList();
        int transactions = 20, perKey = 10;
        try (TopicProbe probe = new TopicProbe(bootstrap, "runtime.relay")) {
            for (int t = 0; t < transactions; t++) {
                int base = t * perKey;
                transaction(() -> Multi.createFrom().range(0, keys.size() * perKey)
                        .onItem().transformToUniAndConcatenate(i -> outbox.append("runtime.relay", keys.get(i % keys.size()),
                                "support.sample.v1", run, new Sample(base + i / keys.size())))
                        .collect().last().replaceWithVoid());
            }
            int expected = transactions * keys.size() * perKey;
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (probe.drain(Duration.ofMillis(300)).stream().filter(r -> keys.contains(r.key())).count() < expected
                    && System.nanoTime() < end) {
                // the relay is still at it
            }
            // A record sent twice would show up just behind the first.
            List<ConsumerRecord<String, String>> mine = probe.drain(Duration.ofSeconds(1)).stream()
                    .filter(r -> keys.contains(r.key())).toList();
            assertEquals(expected, mine.size(), "each event once");
            assertEquals(expected, mine.stream().map(r -> TopicProbe.header(r, "ce_id")).distinct().count());
            for (String key : keys) {
                assertEquals(IntStream.range(0, transactions * perKey).mapToObj(n -> "{\"n\":" + n + "}").toList(),
                        mine.stream().filter(r -> key.equals(r.key())).map(ConsumerRecord::value).toList(), "order of " + key);
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT count(*) FROM outbox") == 0);
    }

    @Test
    void anEventCommittedWhileEarlierOnesAwaitTheirAcknowledgementIsSentWithoutWaitingForIt() {
        await().until(migrator::isMigrated);
        String run = UUID.randomUUID().toString();
        String held = "held-" + run, behind = "behind-" + run;
        try (TopicProbe probe = new TopicProbe(bootstrap, "runtime.relay")) {
            // The broker's acknowledgement of this one is held back (SlowAcknowledgements) ...
            transaction(() -> outbox.append(SlowAcknowledgements.TOPIC, held, "support.sample.v1", held, new Sample(1)).replaceWithVoid());
            await().atMost(Duration.ofSeconds(30)).until(() -> SlowAcknowledgements.SENT.containsKey(held));
            // ... and this one commits meanwhile: the relay must hand it to the producer before that acknowledgement.
            transaction(() -> outbox.append("runtime.relay", behind, "support.sample.v1", behind, new Sample(2)).replaceWithVoid());
            awaitRecords(probe, behind, 1);
            long sent = SlowAcknowledgements.SENT.get(behind);
            long released = SlowAcknowledgements.released;
            assertTrue(released != 0 && sent < released, "sent " + (sent - released) / 1_000_000
                    + " ms after the earlier event's acknowledgement; it must not wait for it");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) FROM outbox") == 0);
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        await().until(migrator::isMigrated);
        String key = "rolled-back-" + UUID.randomUUID();
        try (TopicProbe probe = new TopicProbe(bootstrap, "runtime.relay")) {
            assertThrows(IllegalStateException.class, () -> transaction(() -> outbox
                    .append("runtime.relay", key, "support.sample.v1", key, new Sample(1))
                    .chain(() -> Uni.createFrom().failure(new IllegalStateException("the state change failed")))));
            assertTrue(probe.drain(Duration.ofSeconds(3)).stream().noneMatch(r -> key.equals(r.key())));
        }
    }

    @Test
    void aRedeliveredEventChangesNothingAndAPoisonRecordGoesToTheDeadLetterTopic() {
        await().until(migrator::isMigrated);
        String id = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        try (TopicProbe probe = new TopicProbe(bootstrap, "runtime.probe.dlq")) {
            probe.send("runtime.probe", "k", "support.probe.v1", id, "{\"body\":\"once\"}");
            probe.send("runtime.probe", "k", "support.probe.v1", id, "{\"body\":\"once\"}");
            String poison = probe.send("runtime.probe", "k", "support.probe.v1", UUID.randomUUID().toString(), "not json");
            probe.send("runtime.probe", "k", "support.probe.v1", after, "{\"body\":\"after\"}");

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> count("SELECT count(*) FROM probe_effect WHERE ce_id = '" + after + "'") == 1);
            assertEquals(1, count("SELECT count(*) FROM probe_effect WHERE ce_id = '" + id + "'"), "handled once");
            ConsumerRecord<String, String> dead = probe.await(r -> poison.equals(TopicProbe.header(r, "ce_id")),
                    Duration.ofSeconds(30));
            assertEquals("not json", dead.value());
        }
    }

    private static List<ConsumerRecord<String, String>> awaitRecords(TopicProbe probe, String key, int n) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<ConsumerRecord<String, String>> mine;
        do {
            mine = probe.drain(Duration.ofMillis(300)).stream().filter(r -> key.equals(r.key())).toList();
        } while (mine.size() < n && System.nanoTime() < end);
        assertEquals(n, mine.size());
        return mine;
    }

    private static void transaction(java.util.function.Supplier<Uni<Void>> work) {
        Reactive.await(() -> Panache.withTransaction(work));
    }

    private static boolean tracksCommitTimes() {
        return "on".equals(Reactive.await(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("SELECT current_setting('track_commit_timestamp')", String.class).getSingleResult()))));
    }

    private static long count(String sql) {
        return Reactive.await(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery(sql, Long.class).getSingleResult())));
    }
}
