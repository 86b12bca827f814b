package io.supportsuite.runtime.outbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Records an event in the current reactive transaction (no dual writes): it reaches Kafka only if the
 * transaction commits, through {@link OutboxRelay}. Call it inside {@code Panache.withTransaction}.
 */
@ApplicationScoped
public class Outbox {

    /** An event to record: see {@link #append(String, String, String, String, Object)} for the fields. */
    public record Event(String topic, String key, String type, String subject, Object payload) {
    }

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

    /**
     * Records many events with one statement on {@code connection}, inside its open transaction (the batch
     * consumers' path, where a statement per event would cost a round trip each). Relayed in list order.
     */
    public Uni<Void> appendAll(SqlConnection connection, List<Event> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = events.size();
        String[] topics = new String[n], keys = new String[n], types = new String[n], subjects = new String[n],
                payloads = new String[n];
        UUID[] ids = new UUID[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        for (int i = 0; i < n; i++) {
            Event event = events.get(i);
            topics[i] = event.topic();
            keys[i] = event.key();
            types[i] = event.type();
            subjects[i] = event.subject();
            ids[i] = UUID.randomUUID();
            times[i] = now;
            try {
                payloads[i] = mapper.writeValueAsString(event.payload());
            } catch (JsonProcessingException e) {
                return Uni.createFrom().failure(new IllegalArgumentException("Event not serialisable: " + event, e));
            }
        }
        return connection.preparedQuery("""
                INSERT INTO outbox (topic, record_key, ce_id, ce_type, ce_subject, ce_time, payload)
                SELECT topic, record_key, ce_id, ce_type, ce_subject, ce_time, payload
                FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::timestamptz[], $7::text[])
                    WITH ORDINALITY AS e(topic, record_key, ce_id, ce_type, ce_subject, ce_time, payload, position)
                ORDER BY position""")
                .execute(Tuple.from(new Object[] { topics, keys, ids, types, subjects, times, payloads }))
                .replaceWithVoid();
    }
}
