package io.supportsuite.devstack.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The one helper tests use to see what a service put on a topic, and to put records there as an upstream
 * service would (binary-mode CloudEvents). Reads from the beginning of each topic it watches.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, String> producer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public TopicProbe(String bootstrapServers, String... topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer());
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        if (topics.length > 0) {
            consumer.subscribe(List.of(topics));
        }
    }

    /** The first record (seen before or arriving within {@code timeout}) that matches. */
    public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> matching, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (ConsumerRecord<String, String> r : seen) {
                if (matching.test(r)) {
                    return r;
                }
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("No matching record within " + timeout + "; saw " + seen.size() + ": "
                        + seen.stream().map(r -> header(r, "ce_type") + " " + r.key()).toList());
            }
            poll(Duration.ofMillis(200));
        }
    }

    /** Every record seen so far, after polling for {@code quiet} more. */
    public List<ConsumerRecord<String, String>> drain(Duration quiet) {
        long end = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < end) {
            poll(Duration.ofMillis(200));
        }
        return List.copyOf(seen);
    }

    /** Records of one CloudEvent type seen so far (after polling for {@code quiet} more). */
    public List<ConsumerRecord<String, String>> ofType(String ceType, Duration quiet) {
        return drain(quiet).stream().filter(r -> ceType.equals(header(r, "ce_type"))).toList();
    }

    /** Sends a binary-mode CloudEvent, as an upstream service's outbox would; returns its {@code ce_id}. */
    public String send(String topic, String key, String ceType, String ceId, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        record.headers().add("ce_specversion", bytes("1.0"));
        record.headers().add("ce_id", bytes(ceId));
        record.headers().add("ce_type", bytes(ceType));
        record.headers().add("ce_source", bytes("/test"));
        record.headers().add("ce_time", bytes(Instant.now().toString()));
        record.headers().add("ce_subject", bytes(key));
        record.headers().add("content-type", bytes("application/json"));
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + topic, e);
        }
        return ceId;
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void poll(Duration timeout) {
        consumer.poll(timeout).forEach(seen::add);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
        producer.close(Duration.ofSeconds(2));
    }
}
