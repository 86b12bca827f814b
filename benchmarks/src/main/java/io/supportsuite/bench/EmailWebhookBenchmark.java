package io.supportsuite.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;


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

        TicketWatcher watcher = new TicketWatcher(options.text("kafka", "localhost:9092"), run, count);
        OpenLoop.Load load;
        try (OpenLoop http = new OpenLoop(gateway, options.number("connections", 64))) {
            load = http.run(rate, count, i -> {
                byte[] body = email(run, i).getBytes(StandardCharsets.UTF_8);
                return new OpenLoop.Request("/webhooks/email", body, Map.of(WebhookSigning.HEADER, WebhookSigning.signature(secret, body)));
            }, (status, body) -> status);
        }
        int[] status = load.outcomes();
        long[] acceptedAt = load.answered();

        watcher.drain(i -> status[i] == 202, drain);
        watcher.close();

        int accepted = 0;
        int errors = 0;
        Map<String, Integer> errorsByStatus = new TreeMap<>();
        int lost = 0;
        int duplicated = 0;
        long[] latencies = new long[count];
        int measured = 0;
        for (int i = 0; i < count; i++) {
            int s = status[i];
            if (s == 202) {
                accepted++;
                if (watcher.seenCount.get(i) == 0) {
                    lost++;
                } else {
                    latencies[measured++] = Math.max(0, watcher.seenAt.get(i) - acceptedAt[i]);
                }
            } else {
                errors++;
                errorsByStatus.merge(s == OpenLoop.NO_ANSWER ? "no answer" : Integer.toString(s), 1, Integer::sum);
            }
        }
        duplicated = watcher.duplicated();
        System.out.printf("email-webhooks: requested %d/s x %d, achieved %.1f accepted/s, webhook answer %s, "
                + "webhook->ticket.created %s, errors %d%s, lost %d, duplicated %d%n",
                rate, count, accepted / load.seconds(), TicketWatcher.percentiles(load.latencies()),
                TicketWatcher.percentiles(Arrays.copyOf(latencies, measured)), errors, errors == 0 ? "" : " " + errorsByStatus, lost,
                duplicated);
    }

    private static String email(String run, int i) {
        ObjectNode mail = JSON.createObjectNode()
                .put("from", "Customer " + i / 10 + " <" + TicketWatcher.customerAddress(run, i) + ">")
                .put("to", "support@support-suite.local")
                .put("subject", "Benchmark " + run + " #" + i)
                .put("text", "Load test message " + i + " of run " + run + ".")
                .put("message-id", "<" + TicketWatcher.messageId(run, i) + ">")
                .put("received-at", Instant.now().toString());
        return mail.toString();
    }
}
