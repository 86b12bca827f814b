package io.supportsuite.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLongArray;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;

/**
 * ticket-service alone: {@code message.received} events put straight on support.inbound.v1, as channel-gateway
 * publishes them, as fast as the broker takes them; then how fast they become ticket.created on
 * support.tickets.v1 (through the transactional outbox). The baseline measured in the same run is the
 * broker's own rate for the same records; the figure that matters is tickets/s and its ratio to it. Also: how
 * long an event takes from the outbox to the topic, two ways. From its ce_time (set as it enters the outbox,
 * before the rest of the consumer's transaction and its commit: an upper bound of the relay's share). And the
 * relay's share itself, from the commit of its transaction (the relay's {@code support-committed-at} header,
 * when PostgreSQL tracks commit timestamps) to the record seen here on the topic, of which the part to the
 * record handed to the relay's producer (the record's timestamp); with the relay's own timer
 * {@code support.outbox.lag} (commit to the broker's acknowledgement: the record is on the topic), its
 * histogram from the service's /q/metrics before and after the run. When ticket-service runs on this machine, how long
 * its relay's thread (and the whole service) ran and waited for a CPU meanwhile ({@link CpuWait}): a relay that waits
 * more than it works is queueing behind the rest of the machine's work. With {@code --kill-after N} a SIGKILL of
 * ticket-service once N tickets are out and a start with the same command: lost (a message without a ticket) and duplicated (a message with two tickets).
 */
final class InboundTicketsBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private InboundTicketsBenchmark() {
    }

    static void run(Options options) throws Exception {
        int count = options.number("count", 20_000);
        String kafka = options.text("kafka", "localhost:9092");
        Duration drain = Duration.ofSeconds(options.number("drain", 30));
        int killAfter = options.number("kill-after", 0);
        int rate = options.number("rate", 0);
        URI service = URI.create(options.text("service", "http://localhost:8081"));
        Duration outage = Duration.ofSeconds(options.number("outage", 5));
        String run = UUID.randomUUID().toString().substring(0, 8);
        AtomicLongArray producedAt = new AtomicLongArray(count);
        ServiceControl ticketService = killAfter > 0 ? ServiceControl.find("ticket-service", service.getPort()) : null;
        long pid = killAfter > 0 ? -1 : localPid(service);

        try (TicketWatcher watcher = new TicketWatcher(kafka, run, count);
                KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.LINGER_MS_CONFIG, "5"), new StringSerializer(), new StringSerializer())) {
            CompletableFuture<String> restart = ticketService == null ? CompletableFuture.completedFuture("")
                    : CompletableFuture.supplyAsync(() -> killAndRestart(ticketService, watcher, killAfter, outage,
                            service.resolve("/q/health/ready").toString()));
            java.util.SortedMap<Double, Double> lagBefore = relayLagBuckets(service);
            CpuWait relayBefore = CpuWait.of(pid, RELAY_THREAD);
            CpuWait serviceBefore = CpuWait.of(pid, "");
            long start = System.nanoTime();
            produce(producer, run, count, rate, producedAt);
            long produced = System.nanoTime();
            String restarted = restart.get();
            watcher.drain(i -> true, drain);
            String cpu = pid < 0 ? "" : String.format(", relay's thread %s (the whole service %s)",
                    CpuWait.of(pid, RELAY_THREAD).since(relayBefore), CpuWait.of(pid, "").since(serviceBefore));

            long[] latencies = new long[watcher.seen()];
            long lastTicket = start;
            int m = 0;
            for (int i = 0; i < count; i++) {
                if (watcher.seenCount.get(i) > 0) {
                    long seenAt = watcher.seenAt.get(i);
                    latencies[m++] = Math.max(0, seenAt - producedAt.get(i));
                    lastTicket = Math.max(lastTicket, seenAt);
                }
            }
            double brokerRate = count / ((produced - start) / 1e9);
            double ticketRate = m / ((lastTicket - start) / 1e9);
            long[] commitToTopic = watcher.commitToTopic();
            String relayShare = commitToTopic.length == 0
                    ? "commit->topic unknown (no support-committed-at header: a relay without it, or PostgreSQL not tracking commit timestamps)"
                    : String.format("commit->topic %s of %d tickets (of which commit->relay's producer %s; outbox->commit %s)",
                            TicketWatcher.percentiles(commitToTopic), commitToTopic.length,
                            TicketWatcher.percentiles(watcher.commitToProducer()),
                            TicketWatcher.percentiles(watcher.outboxToCommit()));
            System.out.printf("inbound-tickets: %d message.received events%s, broker took them at %.0f/s (baseline), "
                    + "tickets at %.0f/s (ratio %.2f), event->ticket.created %s, outbox->topic %s (of which outbox->relay's producer %s), "
                    + "%s, relay's timer commit->ack over the run %s%s, lost %d, duplicated %d "
                    + "(records delivered again for the same event: %d)%s; %s%n",
                    count, rate > 0 ? " at " + rate + "/s" : "", brokerRate, ticketRate, ticketRate / brokerRate, TicketWatcher.percentiles(latencies),
                    TicketWatcher.percentiles(watcher.outboxToTopic()),
                    TicketWatcher.percentiles(watcher.outboxToProducer()), relayShare, relayTimer(lagBefore, relayLagBuckets(service)), cpu,
                    count - m, watcher.createdTwice(), watcher.redelivered(),
                    restarted, SlaClocksBenchmark.Load.now());
        }
    }

    /** The relay's thread in ticket-service (OutboxRelay), by its name. */
    private static final String RELAY_THREAD = "outbox-relay";

    /** ticket-service's process when it runs on this machine (its scheduler statistics are read), else -1. */
    private static long localPid(URI service) {
        try {
            return ServiceControl.find("ticket-service", service.getPort()).pid();
        } catch (Exception e) {
            return -1;
        }
    }

    /**
     * The relay's {@code support.outbox.lag} histogram (commit to the broker's acknowledgement) over the run: the
     * difference of its buckets after and before, so only what the relay acknowledged meanwhile counts (this
     * run's events, and any other event of the service). Percentiles are bucket bounds ("p99 <= Y ms").
     */
    static String relayTimer(java.util.SortedMap<Double, Double> before, java.util.SortedMap<Double, Double> after) {
        if (after.isEmpty()) {
            return "unknown (no support_outbox_lag_seconds_bucket in /q/metrics)";
        }
        java.util.SortedMap<Double, Double> run = new java.util.TreeMap<>();
        after.forEach((le, n) -> run.put(le, n - before.getOrDefault(le, 0.0)));
        String since = "";
        if (run.values().stream().anyMatch(n -> n < 0)) { // the service was restarted (--kill-after): counts since its start
            run.clear();
            run.putAll(after);
            since = " (since the restart)";
        }
        double total = run.get(run.lastKey());
        if (total <= 0) {
            return "no events acknowledged";
        }
        return String.format("p50 <= %s ms p99 <= %s ms of %.0f events%s, %.1f%% within 50 ms", bound(run, 0.50 * total),
                bound(run, 0.99 * total), total, since, 100 * run.getOrDefault(0.05, Double.NaN) / total);
    }

    private static String bound(java.util.SortedMap<Double, Double> cumulative, double rank) {
        for (var bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= rank) {
                return bucket.getKey().isInfinite() ? "inf" : String.valueOf(Math.round(bucket.getKey() * 1000));
            }
        }
        return "inf";
    }

    /** Upper bound in seconds -> cumulative count, of the relay's lag histogram; empty when unavailable. */
    static java.util.SortedMap<Double, Double> relayLagBuckets(URI service) {
        java.util.SortedMap<Double, Double> buckets = new java.util.TreeMap<>();
        try {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(service.resolve("/q/metrics")).timeout(Duration.ofSeconds(10)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            for (String line : response.body().split("\n")) {
                if (line.startsWith("support_outbox_lag_seconds_bucket{")) {
                    int le = line.indexOf("le=\"") + 4;
                    String bound = line.substring(le, line.indexOf('"', le));
                    buckets.put(bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound),
                            Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
                }
            }
        } catch (Exception e) {
            buckets.clear();
        }
        return buckets;
    }

    /**
     * Puts the run's events on the topic, {@code rate} a second (0: as fast as the broker takes them); returns once all
     * are acknowledged.
     */
    private static void produce(KafkaProducer<String, String> producer, String run, int count, int rate, AtomicLongArray producedAt) {
        CompletableFuture<?>[] acks = new CompletableFuture<?>[count];
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (rate > 0) {
                long due = start + (long) (i * (1e9 / rate));
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
            }
            String messageId = TicketWatcher.messageId(run, i);
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.INBOUND, "email:" + messageId,
                    event(run, i, messageId));
            String id = UUID.randomUUID().toString();
            record.headers().add("ce_specversion", utf8("1.0"))
                    .add("ce_id", utf8(id))
                    .add("ce_type", utf8(EventTypes.MESSAGE_RECEIVED))
                    .add("ce_source", utf8("/benchmark"))
                    .add("ce_subject", utf8("email:" + messageId))
                    .add("ce_time", utf8(Instant.now().toString()))
                    .add("content-type", utf8("application/json"));
            CompletableFuture<Void> ack = new CompletableFuture<>();
            int n = i;
            producer.send(record, (metadata, failure) -> {
                producedAt.set(n, System.nanoTime());
                if (failure != null) {
                    ack.completeExceptionally(failure);
                } else {
                    ack.complete(null);
                }
            });
            acks[i] = ack;
        }
        CompletableFuture.allOf(acks).join();
    }

    /**
     * Once {@code after} tickets are on the topic, kills ticket-service as a crash would (SIGKILL), keeps it down
     * for {@code outage} and starts it again with the same command; says what happened, for the report.
     */
    private static String killAndRestart(ServiceControl service, TicketWatcher watcher, int after, Duration outage, String ready) {
        try {
            while (watcher.seen() < after) {
                Thread.sleep(10);
            }
            int seenAtKill = watcher.seen();
            service.kill();
            Thread.sleep(outage.toMillis());
            ServiceControl restarted = service.restart();
            Duration took = restarted.awaitReady(ready, Duration.ofMinutes(3));
            return String.format("; killed (SIGKILL) with %d tickets seen, down %d s, ready again %.1f s after its start "
                    + "(pid %d, log %s)", seenAtKill, outage.toSeconds(), took.toMillis() / 1000.0, restarted.pid(), restarted.log());
        } catch (Exception e) {
            throw new IllegalStateException("Kill and restart of ticket-service failed", e);
        }
    }

    private static String event(String run, int i, String messageId) {
        ObjectNode event = JSON.createObjectNode()
                .put("channel", "email")
                .put("providerMessageId", messageId)
                .put("subject", "Benchmark " + run + " #" + i)
                .put("text", "Load test message " + i + " of run " + run + ".")
                .put("negative", false)
                .put("receivedAt", Instant.now().toString());
        event.putObject("thread").put("messageId", messageId).putArray("references");
        event.putObject("sender").put("kind", "email").put("value", "customer" + (i % 1000) + "@bench.example")
                .put("displayName", "Customer " + (i % 1000));
        event.putArray("recipients").add("support@support-suite.local");
        event.putArray("attachments");
        return event.toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
