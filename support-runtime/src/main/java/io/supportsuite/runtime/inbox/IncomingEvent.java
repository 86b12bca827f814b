package io.supportsuite.runtime.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** A binary-mode CloudEvent as it came off a topic: its {@code ce_*} headers, key and JSON body. */
public record IncomingEvent(String id, String type, String subject, Instant time, String topic, String key, String data) {

    public static IncomingEvent of(ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        if (id == null) {
            // Not a CloudEvent: identify it by its place in the log, so a redelivery is still recognised.
            id = record.topic() + "/" + record.partition() + "/" + record.offset();
        }
        String time = header(record, "ce_time");
        return new IncomingEvent(id, header(record, "ce_type"), header(record, "ce_subject"),
                time == null ? Instant.ofEpochMilli(record.timestamp()) : OffsetDateTime.parse(time).toInstant(),
                record.topic(), record.key(), record.value());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
