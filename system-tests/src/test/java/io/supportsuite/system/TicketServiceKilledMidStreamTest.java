package io.supportsuite.system;

import static io.supportsuite.system.SuiteFixture.ROOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.supportsuite.devstack.DevStack;
import io.supportsuite.devstack.Folders;
import io.supportsuite.devstack.launcher.ServiceProcess;
import io.supportsuite.devstack.launcher.SuiteService;
import io.supportsuite.devstack.testing.TopicProbe;

/**
 * ticket-service killed (SIGKILL) while it turns a stream of customer messages into tickets, then started
 * again: every message becomes exactly one ticket and exactly one {@code ticket.created} event (C4, the
 * idempotent inbox; the transactional outbox). An event is its {@code ce_id}: the relay may publish a record
 * again after a crash between the broker's acknowledgement and the row's deletion, and consumers drop it.
 */
class TicketServiceKilledMidStreamTest {

    private static final int MESSAGES = 4_000;
    private static final String INBOUND = "support.inbound.v1";
    private static final String TICKETS = "support.tickets.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the tickets topic said about the run's messages. */
    private static final class Seen {
        final Map<String, Set<String>> ticketsByMessage = new HashMap<>();
        final Set<String> eventIds = new HashSet<>();
        int records;

        int messages() {
            return ticketsByMessage.size();
        }
    }

    @Test
    void everyMessageBecomesExactlyOneTicketAndOneTicketCreatedAcrossAKill() throws Exception {
        Path logs = SuiteFixture.tempDir("killed-mid-stream-logs");
        SuiteService tickets = SuiteService.ALL.stream().filter(s -> s.module().equals("ticket-service")).findFirst().orElseThrow();
        int port = SuiteFixture.freePortRange(1);
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (DevStack stack = DevStack.start(0, 0, null)) {
            stack.postgres().createDatabase(tickets.database());
            Map<String, String> env = Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", stack.kafka().bootstrapServers(),
                    "PG_HOST", stack.postgres().host(), "PG_PORT", String.valueOf(stack.postgres().port()),
                    "PG_USER", stack.postgres().user(), "PG_PASSWORD", stack.postgres().password(),
                    "PG_DATABASE", tickets.database());
            // The killed instance holds its partitions until its consumer session times out: 10 s here, not the
            // default 45 s, to keep the test short.
            List<String> jvm = List.of("-Xmx256m", "-XX:+UseSerialGC", "-Dmp.messaging.incoming.inbound.session.timeout.ms=10000");
            ServiceProcess service = ServiceProcess.start(tickets, ROOT, port, env, jvm, logs);
            awaitTrue(service::isReady, Duration.ofSeconds(120), "ticket-service ready; log " + service.log());

            Seen seen = new Seen();
            try (KafkaConsumer<String, String> watcher = watcher(stack.kafka().bootstrapServers())) {
                send(stack.kafka().bootstrapServers(), run);

                // Killed once a fifth of the tickets are out: the rest is still being consumed.
                watch(watcher, seen, run, () -> seen.messages() >= MESSAGES / 5, Duration.ofSeconds(60));
                service.kill();
                int beforeKill = seen.messages();
                assertTrue(beforeKill < MESSAGES, "killed mid-stream, not after the last ticket: " + beforeKill + " seen");

                service = ServiceProcess.start(tickets, ROOT, port, env, jvm, logs);
                ServiceProcess restarted = service;
                awaitTrue(restarted::isReady, Duration.ofSeconds(120), "ticket-service ready again; log " + restarted.log());
                watch(watcher, seen, run, () -> seen.messages() >= MESSAGES, Duration.ofSeconds(120));
                watch(watcher, seen, run, () -> false, Duration.ofSeconds(3)); // a second ticket would show up just behind
            } finally {
                service.stop(Duration.ofSeconds(15));
            }

            // Zero lost, zero duplicated, as a downstream service sees the topic ...
            assertEquals(MESSAGES, seen.messages(), "messages with a ticket.created");
            assertEquals(0, seen.ticketsByMessage.values().stream().filter(ids -> ids.size() > 1).count(),
                    "messages announced as more than one ticket");
            assertEquals(MESSAGES, seen.eventIds.size(), "distinct ticket.created events (ce_id)");
            // ... and as an agent sees the database.
            try (Connection db = stack.postgres().connect(tickets.database()); Statement s = db.createStatement()) {
                assertEquals(MESSAGES, count(s, "SELECT count(*) FROM ticket t JOIN ticket_message m ON m.ticket_id = t.id "
                        + "WHERE m.provider_message_id LIKE 'kill-" + run + "-%'"), "tickets for the run's messages");
                assertEquals(MESSAGES, count(s, "SELECT count(DISTINCT m.provider_message_id) FROM ticket_message m "
                        + "WHERE m.provider_message_id LIKE 'kill-" + run + "-%'"), "distinct messages stored");
                assertEquals(0, count(s, "SELECT count(*) FROM outbox"), "events left unrelayed");
            }
        } finally {
            Folders.delete(logs);
        }
    }

    private static KafkaConsumer<String, String> watcher(String bootstrap) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000"), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(TICKETS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** Reads ticket.created records of the run until {@code done} or {@code limit}. */
    private static void watch(KafkaConsumer<String, String> watcher, Seen seen, String run, BooleanSupplier done, Duration limit)
            throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < end) {
            for (ConsumerRecord<String, String> record : watcher.poll(Duration.ofMillis(50))) {
                if (!"support.ticket.created.v1".equals(TopicProbe.header(record, "ce_type"))) {
                    continue;
                }
                JsonNode body = JSON.readTree(record.value());
                String messageId = body.path("messageId").asText("");
                if (messageId.startsWith("kill-" + run + "-")) {
                    seen.records++;
                    seen.eventIds.add(TopicProbe.header(record, "ce_id"));
                    seen.ticketsByMessage.computeIfAbsent(messageId, k -> new HashSet<>()).add(body.path("ticketId").asText());
                }
            }
        }
    }

    private static void send(String bootstrap, String run) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, "5"), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < MESSAGES; i++) {
                String messageId = "kill-" + run + "-" + i + "@customer.example";
                ProducerRecord<String, String> record = new ProducerRecord<>(INBOUND, "email:" + messageId, messageReceived(messageId, i));
                record.headers().add("ce_specversion", utf8("1.0"))
                        .add("ce_id", utf8(UUID.randomUUID().toString()))
                        .add("ce_type", utf8("support.message.received.v1"))
                        .add("ce_source", utf8("/system-tests"))
                        .add("ce_subject", utf8("email:" + messageId))
                        .add("ce_time", utf8(Instant.now().toString()))
                        .add("content-type", utf8("application/json"));
                producer.send(record);
            }
            producer.flush();
        }
    }

    private static String messageReceived(String messageId, int i) {
        ObjectNode event = JSON.createObjectNode()
                .put("channel", "email")
                .put("providerMessageId", messageId)
                .put("subject", "Order " + i + " never arrived")
                .put("text", "Where is order " + i + "?")
                .put("negative", false)
                .put("receivedAt", Instant.now().toString());
        event.putObject("thread").put("messageId", messageId).putArray("references");
        event.putObject("sender").put("kind", "email").put("value", "customer" + (i % 500) + "@customer.example")
                .put("displayName", "Customer " + (i % 500));
        event.putArray("recipients").add("support@support-suite.local");
        event.putArray("attachments");
        return event.toString();
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, Duration limit, String what) {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            RunningSuite.sleep(250);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
