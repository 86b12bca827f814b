package io.supportsuite.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** The broker's own rate, measured in the same run as a benchmark's figures. */
final class Baseline {

    private static final String BASELINE_TOPIC = "support.bench.baseline";

    private Baseline() {
    }

    /** As many records of {@code size} characters straight onto a scratch topic: what the broker alone sustains. */
    static double brokerRate(String kafka, int count, int size) {
        String body = "x".repeat(size);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, "5"), new StringSerializer(), new StringSerializer())) {
            List<CompletableFuture<Void>> acks = new ArrayList<>(count);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                CompletableFuture<Void> ack = new CompletableFuture<>();
                ProducerRecord<String, String> record = new ProducerRecord<>(BASELINE_TOPIC, "k" + (i % 100), body);
                record.headers().add("ce_type", "bench".getBytes(StandardCharsets.UTF_8));
                producer.send(record, (m, e) -> {
                    if (e != null) {
                        ack.completeExceptionally(e);
                    } else {
                        ack.complete(null);
                    }
                });
                acks.add(ack);
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }

}
