package io.supportsuite.gateway.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

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
import io.supportsuite.gateway.VertxContexts;
import io.supportsuite.gateway.config.GatewayConfig;

/**
 * Publishes live-contact events ({@code contact.offered}, {@code contact.answered}, {@code contact.abandoned},
 * {@code callback.requested}) on {@code support.contact.v1}, keyed by contact id, and completes only when the
 * broker acknowledged (C4), like {@link InboundPublisher} does for messages.
 */
@ApplicationScoped
public class ContactPublisher {

    private final Emitter<String> emitter;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final GatewayConfig config;
    private final URI source;

    public ContactPublisher(
            @Channel("support-contact") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024) Emitter<String> emitter,
            ObjectMapper mapper, Clock clock, GatewayConfig config,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.emitter = emitter;
        this.mapper = mapper;
        this.clock = clock;
        this.config = config;
        this.source = URI.create("/" + application);
    }

    /** Completes on the caller's Vert.x context once Kafka acknowledged; fails on a refusal or time-out. */
    public Uni<Void> publish(UUID eventId, String contactId, String type, Object event) {
        Executor context = VertxContexts.current();
        String payload;
        try {
            payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Event not serialisable", e));
        }
        CompletableFuture<Void> acked = new CompletableFuture<>();
        Message<String> record = Message.of(payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(contactId).build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(eventId.toString())
                        .withType(type)
                        .withSource(source)
                        .withSubject(contactId)
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
