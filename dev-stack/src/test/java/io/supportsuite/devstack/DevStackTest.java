package io.supportsuite.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.OffsetSpec;
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
import org.junit.jupiter.api.io.TempDir;

import io.supportsuite.events.Topics;

class DevStackTest {

    @Test
    void sharedStackIsARealBrokerWithTheSuiteTopicsAndARealPostgres() throws Exception {
        DevStack stack = DevStack.shared();

        try (var admin = stack.kafka().admin()) {
            Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            for (String topic : Topics.ALL) {
                assertTrue(topics.contains(topic), topic);
                assertTrue(topics.contains(topic + Topics.DLQ_SUFFIX), topic + " dead-letter twin");
            }
            assertEquals(Kafka.PARTITIONS, admin.describeTopics(List.of(Topics.TICKETS)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(Topics.TICKETS).partitions().size());
        }

        String bootstrap = stack.kafka().bootstrapServers();
        try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
                var consumer = new KafkaConsumer<String, String>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG, "dev-stack-test",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                        new StringDeserializer())) {
            producer.send(new ProducerRecord<>("dev-stack-roundtrip", "ticket-1", "hello")).get(10, TimeUnit.SECONDS);
            consumer.subscribe(List.of("dev-stack-roundtrip"));
            ConsumerRecord<String, String> received = null;
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received == null && System.nanoTime() < end) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    received = r;
                }
            }
            assertEquals("hello", received == null ? null : received.value());
            assertEquals("ticket-1", received.key());
        }

        stack.postgres().createDatabase("dev_stack_probe");
        try (Connection c = stack.postgres().connect("dev_stack_probe"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            assertTrue(rs.getString(1).startsWith("17"), "embedded PostgreSQL 17, was " + rs.getString(1));
        }
        stack.postgres().dropDatabase("dev_stack_probe");
    }

    @Test
    void brokerAcceptsEveryCompressionCodecAClientMayUse() throws Exception {
        String bootstrap = DevStack.shared().kafka().bootstrapServers();
        for (String codec : List.of("lz4", "zstd", "snappy", "gzip")) {
            try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.COMPRESSION_TYPE_CONFIG, codec), new StringSerializer(), new StringSerializer())) {
                var metadata = producer.send(new ProducerRecord<>("dev-stack-codecs", codec, "compressed with " + codec))
                        .get(10, TimeUnit.SECONDS);
                assertTrue(metadata.hasOffset(), codec + " accepted");
            }
        }
    }

    @Test
    void localDataSurvivesARestartOfBothServers(@TempDir Path data) throws Exception {
        try (DevStack first = DevStack.start(0, 0, data)) {
            first.postgres().createDatabase("tickets");
            try (Connection c = first.postgres().connect("tickets"); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (id int)");
                s.execute("INSERT INTO kept VALUES (42)");
            }
            try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    first.kafka().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.INBOUND, "k", "v")).get(10, TimeUnit.SECONDS);
            }
        }
        assertTrue(Files.isDirectory(data.resolve("postgres")));
        assertTrue(Files.isDirectory(data.resolve("kafka")));

        try (DevStack second = DevStack.start(0, 0, data);
                Connection c = second.postgres().connect("tickets"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM kept")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
            try (var admin = second.kafka().admin()) {
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                for (int p = 0; p < Kafka.PARTITIONS; p++) {
                    latest.put(new TopicPartition(Topics.INBOUND, p), OffsetSpec.latest());
                }
                long records = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                        .mapToLong(o -> o.offset()).sum();
                assertEquals(1, records, "the record written before the restart is still there");
            }
        }

        Folders.delete(data);
        assertFalse(Files.exists(data), "reset removes everything");
    }
}
