package io.supportsuite.runtime.outbox;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * Records an event in the current reactive transaction (no dual writes): it reaches Kafka only if the
 * transaction commits, through {@link OutboxRelay}. Call it inside {@code Panache.withTransaction}.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;
    private final Clock clock;

    public Outbox(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * @param topic   a topic of {@code io.supportsuite.events.Topics}
     * @param key     the record key (ticket id, …): everything with one key keeps its order
     * @param type    the CloudEvent type, from {@code EventTypes}
     * @param subject the CloudEvent subject (usually the ticket id)
     * @param event   the event record, serialised as JSON
     * @return the event's {@code ce_id}
     */
    public Uni<UUID> append(String topic, String key, String type, String subject, Object event) {
        OutboxRecord record = new OutboxRecord();
        record.topic = topic;
        record.recordKey = key;
        record.ceId = UUID.randomUUID();
        record.ceType = type;
        record.ceSubject = subject;
        record.ceTime = clock.instant();
        try {
            record.payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Event not serialisable: " + event, e));
        }
        return record.persist().replaceWith(record.ceId);
    }
}
