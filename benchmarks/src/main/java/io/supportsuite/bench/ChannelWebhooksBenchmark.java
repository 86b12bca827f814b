package io.supportsuite.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.supportsuite.devstack.testing.WebhookSigning;
import io.supportsuite.events.Topics;

/**
 * channel-gateway alone under a mixed-channel, open-loop webhook load: e-mail (JSON), WhatsApp (Meta's
 * envelope and signature), Telegram (its update and secret token) and the generic format (timestamped
 * signature), in turn, each with a unique provider id. Latency = the webhook's answer time at the client.
 * Lost = answered "accepted" but no record on support.inbound.v1; duplicated = more than one record for one event
 * id. The gateway's RSS is sampled from /proc while the load runs. Baseline in the same run: the same client
 * at the same rate against the gateway's liveness endpoint (what HTTP alone costs here).
 */
final class ChannelWebhooksBenchmark {

    private static final String[] CHANNELS = { "email", "whatsapp", "telegram", "generic" };
    /** Telegram ids are numbers: each run takes its own range. */
    private static final long TELEGRAM_BASE = System.currentTimeMillis() * 1_000L;

    private ChannelWebhooksBenchmark() {
    }

    /** Meta and Telegram answer an accepted webhook 200, the others 202: the receipt's status tells. */
    private static final int ACCEPTED = 0;

    /** The HTTP status, or {@link #ACCEPTED} for a 2xx whose body says it was accepted. */
    private static final OpenLoop.Outcome RECEIPT = (status, body) -> status / 100 == 2 && body.contains("\"accepted\"") ? ACCEPTED : status;

    static void run(Options options) throws Exception {
        int rate = options.number("rate", 3_000);
        int seconds = options.number("seconds", 20);
        int count = rate * seconds;
        String gateway = options.text("gateway", "http://localhost:8080");
        int warmup = options.number("warmup", 20);
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (OpenLoop http = new OpenLoop(gateway, options.number("connections", 64))) {
            if (warmup > 0) {
                OpenLoop.Load warm = http.run(rate, rate * warmup, i -> webhook(run + "w", count + i), RECEIPT);
                System.out.printf("channel-webhooks: warm-up %d/s x %d s (not counted): %d accepted, %s%n", rate, warmup,
                        warm.count(ACCEPTED), TicketWatcher.percentiles(warm.latencies()));
            }
            OpenLoop.Load baseline = http.run(rate, Math.min(count, rate * 5), i -> new OpenLoop.Request("/q/health/live", null, Map.of()),
                    (status, body) -> status);
            System.out.printf("channel-webhooks: baseline GET /q/health/live at %d/s x %d: %.0f answered/s, %s%n", rate,
                    baseline.outcomes().length, baseline.count(200) / baseline.seconds(), TicketWatcher.percentiles(baseline.latencies()));
            measure(http, options, run, rate, count, baseline);
        }
    }

    private static void measure(OpenLoop http, Options options, String run, int rate, int count, OpenLoop.Load baseline)
            throws Exception {
        String gateway = options.text("gateway", "http://localhost:8080");
        String kafka = options.text("kafka", "localhost:9092");
        Duration drain = Duration.ofSeconds(options.number("drain", 20));

        try (KafkaConsumer<String, String> consumer = inboundConsumer(kafka)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INBOUND).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // fix the start before the first webhook

            ServiceControl process = ServiceControl.find("channel-gateway", URI.create(gateway).getPort());
            System.out.printf("channel-webhooks: run %s, %d webhooks at %d/s over %s%n", run, count, rate, String.join(", ", CHANNELS));
            OpenLoop.Load load;
            long maxRss;
            try (RssSampler rss = new RssSampler(process)) {
                load = http.run(rate, count, i -> webhook(run, i), RECEIPT);
                maxRss = rss.maxMiB();
            }

            Map<String, Integer> records = new HashMap<>();
            long quietSince = System.nanoTime();
            int accepted = load.count(ACCEPTED);
            while (System.nanoTime() - quietSince < drain.toNanos() && records.size() < accepted) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null && record.value().contains(run)) {
                        Header id = record.headers().lastHeader("ce_id");
                        records.merge(id == null ? "?" : new String(id.value(), StandardCharsets.UTF_8), 1, Integer::sum);
                        quietSince = System.nanoTime();
                    }
                }
            }
            int duplicated = records.values().stream().mapToInt(n -> n - 1).sum();
            Map<String, Integer> others = new TreeMap<>();
            for (int status : load.outcomes()) {
                if (status != ACCEPTED) {
                    others.merge(status == OpenLoop.NO_ANSWER ? "no answer" : Integer.toString(status), 1, Integer::sum);
                }
            }
            System.out.printf("channel-webhooks: requested %d/s x %d, achieved %.0f accepted/s (%.2f of the baseline's "
                    + "answered/s), answer %s, not accepted %s, lost %d, duplicated %d, gateway RSS max %s%n",
                    rate, count, accepted / load.seconds(), (accepted / load.seconds()) / (baseline.count(200) / baseline.seconds()),
                    TicketWatcher.percentiles(load.latencies()), others.isEmpty() ? "none" : others,
                    Math.max(0, accepted - records.size()), duplicated, maxRss + " MiB");
        }
    }

    private static OpenLoop.Request webhook(String run, int i) {
        String id = run + "-" + i;
        String text = "Load test message " + i + " of run " + run;
        return switch (CHANNELS[i % CHANNELS.length]) {
            case "email" -> {
                byte[] body = """
                        {"from":"Customer %d <%s>","to":"support@support-suite.local",\
                        "subject":"Benchmark %s","text":"%s","message-id":"<%s@bench.example>","received-at":"%s"}"""
                        .formatted(i / 10, TicketWatcher.customerAddress(run, i), id, text, id, Instant.now()).getBytes(StandardCharsets.UTF_8);
                yield new OpenLoop.Request("/webhooks/email", body,
                        Map.of(WebhookSigning.HEADER, WebhookSigning.signature(WebhookSigning.DEFAULT_EMAIL_SECRET, body)));
            }
            case "whatsapp" -> {
                String waId = "3069" + String.format("%08d", i % 1000);
                byte[] body = """
                        {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",\
                        "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881",\
                        "phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Customer %d"},"wa_id":"%s"}],\
                        "messages":[{"from":"%s","id":"wamid.%s","timestamp":"%d","type":"text","text":{"body":"%s"}}]}}]}]}"""
                        .formatted(i % 1000, waId, waId, id, Instant.now().getEpochSecond(), text).getBytes(StandardCharsets.UTF_8);
                yield new OpenLoop.Request("/webhooks/meta", body,
                        Map.of("X-Hub-Signature-256", WebhookSigning.signature("dev-meta-app-secret", body)));
            }
            case "telegram" -> {
                long update = TELEGRAM_BASE + i;
                byte[] body = """
                        {"update_id":%d,"message":{"message_id":%d,"from":{"id":%d,"is_bot":false,"first_name":"Customer"},\
                        "chat":{"id":%d,"first_name":"Customer","type":"private"},"date":%d,"text":"%s"}}"""
                        .formatted(update, update, 700_000 + i % 1000, 700_000 + i % 1000, Instant.now().getEpochSecond(), text)
                        .getBytes(StandardCharsets.UTF_8);
                yield new OpenLoop.Request("/webhooks/telegram", body, Map.of("X-Telegram-Bot-Api-Secret-Token", "dev-telegram-secret"));
            }
            default -> {
                long now = Instant.now().getEpochSecond();
                byte[] body = """
                        {"providerMessageId":"%s","sender":{"kind":"email","value":"customer%d@bench.example"},\
                        "text":"%s","receivedAt":"%s"}""".formatted(id, i % 1000, text, Instant.now())
                        .getBytes(StandardCharsets.UTF_8);
                byte[] signed = (now + "." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                yield new OpenLoop.Request("/webhooks/generic", body, Map.of("X-Signature-256", WebhookSigning.signature("dev-generic-secret", signed),
                        "X-Signature-Timestamp", Long.toString(now)));
            }
        };
    }

    private static KafkaConsumer<String, String> inboundConsumer(String kafka) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        return new KafkaConsumer<>(config);
    }
}
