package io.supportsuite.runtime.inbox;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.quarkus.arc.Unremovable;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.supportsuite.events.Topics;

/**
 * Hands one record a batch consumer cannot read to {@code <topic>.dlq} (the rest of its batch goes on), with
 * its key, its headers and the same {@code dead-letter-*} headers the connector's own dead-letter queue writes.
 * Completes once the broker acknowledged, so the batch is committed only after the record is safe.
 */
@ApplicationScoped
@Unremovable
public class DeadLetters {

    private final Emitter<String> emitter;

    public DeadLetters(@Channel("dead-letters") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024) Emitter<String> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> send(ConsumerRecord<String, String> record, Throwable reason) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add("dead-letter-reason", utf8(String.valueOf(reason.getMessage())));
        if (reason.getCause() != null) {
            headers.add("dead-letter-cause", utf8(String.valueOf(reason.getCause().getMessage())));
        }
        headers.add("dead-letter-topic", utf8(record.topic()));
        headers.add("dead-letter-partition", utf8(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", utf8(Long.toString(record.offset())));
        CompletableFuture<Void> acked = new CompletableFuture<>();
        Message<String> message = Message.of(record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(record.topic() + Topics.DLQ_SUFFIX).withKey(record.key()).withHeaders(headers).build())
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        Log.warnf("Dead-lettering %s/%d/%d: %s", record.topic(), record.partition(), record.offset(), reason.getMessage());
        emitter.send(message);
        return Uni.createFrom().completionStage(acked);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
