package io.supportsuite.gateway.email;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.supportsuite.gateway.config.GatewayConfig;

/**
 * At most {@code sender-limit} messages per sender within {@code sender-window}: a mail loop the header checks
 * miss (an auto-responder that sets none of them) is cut off after a few rounds instead of flooding the queue.
 * A message counts once: a provider's retry of a message already counted is let through (dedup answers it).
 * <p>
 * Kept per instance, in memory: a loop is fast, and a restart merely lets a few more through. The memory is
 * bounded: each sender costs a few dozen bytes (times and message-id hashes in two small arrays), a sender quiet
 * for a whole window is dropped, and beyond {@code sender-tracked} senders those seen rarely and long ago are
 * forgotten first (a loop writes often, so it stays tracked).
 */
@ApplicationScoped
public class SenderRateLimit {

    private final GatewayConfig config;
    private final Cache<String, Recent> recent;

    public SenderRateLimit(GatewayConfig config, MeterRegistry registry) {
        this.config = config;
        this.recent = Caffeine.newBuilder()
                .maximumSize(config.inboundEmail().senderTracked())
                .expireAfterAccess(config.inboundEmail().senderWindow())
                .build();
        Gauge.builder("gateway.email.senders.tracked", this, SenderRateLimit::sendersTracked)
                .description("E-mail senders whose recent messages the loop limit counts").register(registry);
    }

    /** Senders counted now (evictions done first). */
    public long sendersTracked() {
        recent.cleanUp();
        return recent.estimatedSize();
    }

    /** Counts message {@code messageId} from {@code sender} at {@code now}; false when the sender is over its limit. */
    public boolean allow(String sender, String messageId, Instant now) {
        Recent seen = recent.get(sender, s -> new Recent());
        synchronized (seen) {
            return seen.allow(messageId.hashCode(), now.toEpochMilli(), config.inboundEmail().senderWindow(),
                    config.inboundEmail().senderLimit());
        }
    }

    /** One sender's messages within the window, oldest first: when each came (epoch ms) and its id's hash. */
    private static final class Recent {

        private long[] at = new long[2];
        private int[] ids = new int[2];
        private int size;

        boolean allow(int id, long now, Duration window, int limit) {
            long since = now - window.toMillis();
            int expired = 0;
            while (expired < size && at[expired] < since) {
                expired++;
            }
            if (expired > 0) {
                System.arraycopy(at, expired, at, 0, size - expired);
                System.arraycopy(ids, expired, ids, 0, size - expired);
                size -= expired;
            }
            for (int i = 0; i < size; i++) {
                if (ids[i] == id) {
                    return true;
                }
            }
            if (size >= limit) {
                return false;
            }
            if (size == at.length) {
                at = Arrays.copyOf(at, Math.min(limit, size * 2));
                ids = Arrays.copyOf(ids, at.length);
            }
            at[size] = now;
            ids[size++] = id;
            return true;
        }
    }
}
