package io.supportsuite.sla.live;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.supportsuite.events.EventTypes;

/**
 * Every {@code support.sla.v1} event, as it is published, to the live-stream clients of this instance.
 *
 * <p>Why the topic and not the firing code: with several instances, a stage fired by one of them must
 * reach the browsers connected to any of them. Each instance therefore reads the topic in a consumer
 * group of its own ({@code sla-monitor-live-<uuid>}, nothing committed) from the latest offset: every
 * instance sees every event, once it is committed and relayed, and none replays history — a client gets
 * the current state from the REST views and only changes from here. Events arrive after their database
 * transaction committed, so a client that reloads a view on an event sees the change.
 */
@ApplicationScoped
public class LiveFeed {

    static final String CHANNEL = "sla-live";
    private static final String PREFIX = "support.sla.";
    private static final Map<String, String> TYPES = Map.of(
            EventTypes.SLA_CLOCK_STARTED, "started",
            EventTypes.SLA_CLOCK_PAUSED, "paused",
            EventTypes.SLA_CLOCK_RESUMED, "resumed",
            EventTypes.SLA_WARNING, "warning",
            EventTypes.SLA_BREACHED, "breached",
            EventTypes.SLA_MET, "met");

    private final BroadcastProcessor<LiveEvent> processor = BroadcastProcessor.create();
    private final AtomicInteger listeners = new AtomicInteger();
    private final ObjectMapper mapper;

    public LiveFeed(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The events from now on; each subscriber gets all of them (until it falls too far behind). */
    public Multi<LiveEvent> events() {
        return processor.onSubscription().invoke(() -> listeners.incrementAndGet())
                .onTermination().invoke(() -> listeners.decrementAndGet());
    }

    @Incoming(CHANNEL)
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        String type = TYPES.get(header(record, "ce_type"));
        if (type != null && listeners.get() > 0) {
            LiveEvent event = read(type, record);
            if (event != null) {
                processor.onNext(event);
            }
        }
        return Uni.createFrom().voidItem();
    }

    private LiveEvent read(String type, ConsumerRecord<String, String> record) {
        try {
            JsonNode body = mapper.readTree(record.value());
            JsonNode clock = body.path("clock");
            JsonNode at = first(body, "firedAt", "metAt", "pausedAt", "resumedAt", "startedAt");
            JsonNode stage = body.get("stagePercent");
            return new LiveEvent(header(record, "ce_id"), type, text(clock, "ticketId"), text(clock, "clockId"),
                    text(clock, "kind"), text(clock, "policy"), text(clock, "channel"), text(clock, "priority"),
                    instant(clock.get("deadline")), type.equals("breached") ? Integer.valueOf(100)
                            : stage == null || stage.isNull() ? null : stage.asInt(),
                    number(clock, "elapsedSeconds"), number(clock, "budgetSeconds"), instant(at));
        } catch (Exception e) {
            Log.warnf("Unreadable %s%s event at %s-%d@%d: %s", PREFIX, type, record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return null;
        }
    }

    private static JsonNode first(JsonNode body, String... names) {
        for (String name : names) {
            if (body.hasNonNull(name)) {
                return body.get(name);
            }
        }
        return null;
    }

    private static String text(JsonNode node, String name) {
        return node.hasNonNull(name) ? node.get(name).asText() : null;
    }

    private static Long number(JsonNode node, String name) {
        return node.hasNonNull(name) ? node.get(name).asLong() : null;
    }

    private Instant instant(JsonNode node) {
        return node == null || node.isNull() ? null : mapper.convertValue(node, Instant.class);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
