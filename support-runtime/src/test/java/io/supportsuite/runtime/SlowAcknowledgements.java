package io.supportsuite.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A producer interceptor on the relay's channel (test configuration): notes when each record key is handed to
 * the producer, and holds back the broker's acknowledgement of every record on {@link #TOPIC} for
 * {@link #HOLD_MILLIS} (the acknowledgement reaches the relay only after {@code onAcknowledgement} returns),
 * noting when it let it go. Other topics are not touched, except that their acknowledgements queue behind a
 * held one, as they would behind a slow broker.
 */
public class SlowAcknowledgements implements ProducerInterceptor<Object, Object> {

    static final String TOPIC = "runtime.slow-ack";
    static final long HOLD_MILLIS = 4_000;

    /** Record key → System.nanoTime() when the relay handed it to the producer (first time). */
    static final Map<String, Long> SENT = new ConcurrentHashMap<>();
    /** System.nanoTime() when the last held acknowledgement was let go. */
    static volatile long released;

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        if (record.key() != null) {
            SENT.putIfAbsent(String.valueOf(record.key()), System.nanoTime());
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        if (metadata != null && TOPIC.equals(metadata.topic())) {
            try {
                Thread.sleep(HOLD_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            released = System.nanoTime();
        }
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
