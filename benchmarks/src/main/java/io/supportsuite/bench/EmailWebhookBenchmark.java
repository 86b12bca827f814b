package io.supportsuite.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.supportsuite.devstack.testing.WebhookSigning;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;

/**
 * Open-loop load: signed e-mail webhooks sent on a fixed schedule (a slow answer does not slow the sender
 * down, so queueing shows up in the latency). Each webhook carries a unique Message-ID; the benchmark watches
 * support.tickets.v1 for the ticket.created that names it. Latency = ticket.created seen − webhook accepted.
 * Lost = accepted but never became a ticket; duplicated = more than one ticket.created for one webhook.
 */
final class EmailWebhookBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EmailWebhookBenchmark() {
    }

    static void run(Options options) throws Exception {
        int rate = options.number("rate", 200);
        int count = options.number("count", rate * 20);
        String gateway = options.text("gateway", "http://localhost:8080");
        String secret = options.text("secret", "dev-email-secret");
        Duration drain = Duration.ofSeconds(options.number("drain", 30));
        String run = UUID.randomUUID().toString().substring(0, 8);

        AtomicLongArray acceptedAt = new AtomicLongArray(count);
        AtomicLongArray seenAt = new AtomicLongArray(count);
        AtomicIntegerArray seenCount = new AtomicIntegerArray(count);
        AtomicIntegerArray status = new AtomicIntegerArray(count);

        AtomicBoolean watching = new AtomicBoolean(true);
        KafkaConsumer<String, String> consumer = consumerAtEnd(options.text("kafka", "localhost:9092"));
        Thread watcher = new Thread(() -> watch(consumer, run, seenAt, seenCount, watching), "ticket-watcher");
        watcher.start();

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create(gateway + "/webhooks/email");
        List<CompletableFuture<?>> inFlight = new ArrayList<>(count);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            byte[] body = email(run, i).getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header(WebhookSigning.HEADER, WebhookSigning.signature(secret, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            int n = i;
            inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
                status.set(n, failure != null ? -1 : response.statusCode());
                acceptedAt.set(n, System.nanoTime());
                return null;
            }));
        }
        long sendingDone = System.nanoTime();
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        long lastAnswer = 0;
        for (int i = 0; i < count; i++) {
            lastAnswer = Math.max(lastAnswer, acceptedAt.get(i));
        }

        // Wait while tickets keep coming: only a webhook still missing after a quiet period is lost.
        long lastProgress = System.nanoTime();
        int seenBefore = seen(seenCount);
        while (!allSeen(status, seenCount) && System.nanoTime() - lastProgress < drain.toNanos()) {
            Thread.sleep(100);
            int seenNow = seen(seenCount);
            if (seenNow > seenBefore) {
                seenBefore = seenNow;
                lastProgress = System.nanoTime();
            }
        }
        Thread.sleep(1000); // a duplicate would show up just behind its original
        watching.set(false);
        watcher.join();

        int accepted = 0;
        int errors = 0;
        int lost = 0;
        int duplicated = 0;
        long[] latencies = new long[count];
        int measured = 0;
        for (int i = 0; i < count; i++) {
            int s = status.get(i);
            if (s == 202) {
                accepted++;
                if (seenCount.get(i) == 0) {
                    lost++;
                } else {
                    latencies[measured++] = Math.max(0, seenAt.get(i) - acceptedAt.get(i));
                }
            } else {
                errors++;
            }
            duplicated += Math.max(0, seenCount.get(i) - 1);
        }
        long[] sorted = Arrays.copyOf(latencies, measured);
        Arrays.sort(sorted);
        double seconds = (lastAnswer - start) / 1e9;
        System.out.printf("email-webhooks: requested %d/s x %d, sent in %.1f s, achieved %.1f accepted/s, "
                + "webhook->ticket.created p50 %d ms p99 %d ms max %d ms, errors %d, lost %d, duplicated %d%n",
                rate, count, (sendingDone - start) / 1e9, accepted / seconds, millis(sorted, 0.50), millis(sorted, 0.99),
                measured == 0 ? 0 : sorted[measured - 1] / 1_000_000, errors, lost, duplicated);
    }

    private static int seen(AtomicIntegerArray seenCount) {
        int seen = 0;
        for (int i = 0; i < seenCount.length(); i++) {
            seen += seenCount.get(i) > 0 ? 1 : 0;
        }
        return seen;
    }

    private static boolean allSeen(AtomicIntegerArray status, AtomicIntegerArray seenCount) {
        for (int i = 0; i < status.length(); i++) {
            if (status.get(i) == 202 && seenCount.get(i) == 0) {
                return false;
            }
        }
        return true;
    }

    private static long millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1_000_000;
    }

    private static String email(String run, int i) {
        ObjectNode mail = JSON.createObjectNode()
                .put("from", "Customer " + (i % 1000) + " <customer" + (i % 1000) + "@bench.example>")
                .put("to", "support@support-suite.local")
                .put("subject", "Benchmark " + run + " #" + i)
                .put("text", "Load test message " + i + " of run " + run + ".")
                .put("message-id", "<bench-" + run + "-" + i + "@bench.example>")
                .put("received-at", Instant.now().toString());
        return mail.toString();
    }

    private static KafkaConsumer<String, String> consumerAtEnd(String bootstrap) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000"), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.TICKETS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before anything is sent
        return consumer;
    }

    private static void watch(KafkaConsumer<String, String> consumer, String run, AtomicLongArray seenAt,
            AtomicIntegerArray seenCount, AtomicBoolean watching) {
        String prefix = "bench-" + run + "-";
        try (consumer) {
            while (watching.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    Header type = record.headers().lastHeader("ce_type");
                    if (type == null || !EventTypes.TICKET_CREATED.equals(new String(type.value(), StandardCharsets.UTF_8))) {
                        continue;
                    }
                    int n = indexOf(record.value(), prefix);
                    if (n >= 0 && n < seenCount.length()) {
                        if (seenCount.getAndIncrement(n) == 0) {
                            seenAt.set(n, now);
                        }
                    }
                }
            }
        }
    }

    private static int indexOf(String ticketCreated, String prefix) {
        try {
            String messageId = JSON.readTree(ticketCreated).path("messageId").asText("");
            if (!messageId.startsWith(prefix)) {
                return -1;
            }
            return Integer.parseInt(messageId.substring(prefix.length(), messageId.indexOf('@')));
        } catch (Exception e) {
            return -1;
        }
    }
}
