package io.supportsuite.gateway.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.inbound.MessageReceived;
import io.supportsuite.gateway.VertxContexts;
import io.supportsuite.gateway.config.GatewayConfig;

/**
 * Publishes what a webhook accepted — {@code message.received} on {@code support.inbound.v1}, live-contact
 * events on {@code support.contact.v1} — as binary-mode CloudEvents, and completes only when the broker
 * acknowledged (C4: a webhook answers 2xx after that, never before).
 */
@ApplicationScoped
public class InboundPublisher {

    private final Emitter<String> emitter;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final GatewayConfig config;
    private final URI source;

    public InboundPublisher(
            @Channel("support-inbound") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024) Emitter<String> emitter,
            ObjectMapper mapper, Clock clock, GatewayConfig config,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.emitter = emitter;
        this.mapper = mapper;
        this.clock = clock;
        this.config = config;
        this.source = URI.create("/" + application);
    }

    /** True when the broker (or the producer) refused the record for its size: retrying cannot help. */
    public static boolean isTooLargeForBroker(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordTooLargeException) {
                return true;
            }
        }
        return false;
    }

    /** {@code message.received} on {@code support.inbound.v1}; see {@link #publish(String, UUID, String, String, Object)}. */
    public Uni<Void> publish(UUID eventId, String key, MessageReceived message) {
        return publish(Topics.INBOUND, eventId, key, EventTypes.MESSAGE_RECEIVED, message);
    }

    /**
     * One event on {@code topic} (support.inbound.v1, or support.contact.v1 for live-contact events), keyed by
     * conversation or contact. Completes on the caller's Vert.x context once Kafka acknowledged; fails on a
     * refusal or time-out.
     */
    public Uni<Void> publish(String topic, UUID eventId, String key, String type, Object event) {
        Executor context = VertxContexts.current();
        String payload;
        try {
            payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Event not serialisable", e));
        }
        CompletableFuture<Void> acked = new CompletableFuture<>();
        Message<String> record = Message.of(payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withTopic(topic).withKey(key).build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(eventId.toString())
                        .withType(type)
                        .withSource(source)
                        .withSubject(key)
                        .withTimestamp(clock.instant().atZone(ZoneOffset.UTC))
                        .withDataContentType("application/json")
                        .build())
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(record);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        return Uni.createFrom().completionStage(acked)
                .ifNoItem().after(config.webhook().publishTimeout()).fail()
                .emitOn(context);
    }
}
