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
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;


import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.supportsuite.devstack.testing.WebhookSigning;

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
        AtomicIntegerArray status = new AtomicIntegerArray(count);
        TicketWatcher watcher = new TicketWatcher(options.text("kafka", "localhost:9092"), run, count);

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

        watcher.drain(i -> status.get(i) == 202, drain);
        watcher.close();

        int accepted = 0;
        int errors = 0;
        Map<String, Integer> errorsByStatus = new TreeMap<>();
        int lost = 0;
        int duplicated = 0;
        long[] latencies = new long[count];
        int measured = 0;
        for (int i = 0; i < count; i++) {
            int s = status.get(i);
            if (s == 202) {
                accepted++;
                if (watcher.seenCount.get(i) == 0) {
                    lost++;
                } else {
                    latencies[measured++] = Math.max(0, watcher.seenAt.get(i) - acceptedAt.get(i));
                }
            } else {
                errors++;
                errorsByStatus.merge(s == -1 ? "no answer" : Integer.toString(s), 1, Integer::sum);
            }
        }
        duplicated = watcher.duplicated();
        double seconds = (lastAnswer - start) / 1e9;
        System.out.printf("email-webhooks: requested %d/s x %d, sent in %.1f s, achieved %.1f accepted/s, "
                + "webhook->ticket.created %s, errors %d%s, lost %d, duplicated %d%n",
                rate, count, (sendingDone - start) / 1e9, accepted / seconds,
                TicketWatcher.percentiles(Arrays.copyOf(latencies, measured)), errors, errors == 0 ? "" : " " + errorsByStatus, lost,
                duplicated);
    }

    private static String email(String run, int i) {
        ObjectNode mail = JSON.createObjectNode()
                .put("from", "Customer " + (i % 1000) + " <customer" + (i % 1000) + "@bench.example>")
                .put("to", "support@support-suite.local")
                .put("subject", "Benchmark " + run + " #" + i)
                .put("text", "Load test message " + i + " of run " + run + ".")
                .put("message-id", "<" + TicketWatcher.messageId(run, i) + ">")
                .put("received-at", Instant.now().toString());
        return mail.toString();
    }
}
