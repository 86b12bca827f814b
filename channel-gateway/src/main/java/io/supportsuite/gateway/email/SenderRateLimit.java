package io.supportsuite.gateway.email;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.supportsuite.gateway.config.GatewayConfig;

/**
 * At most {@code sender-limit} messages per sender within {@code sender-window}: a mail loop the header checks
 * miss (an auto-responder that sets none of them) is cut off after a few rounds instead of flooding the queue.
 * Kept per instance, in memory: a loop is fast, and a restart merely lets a few more through.
 */
@ApplicationScoped
public class SenderRateLimit {

    private static final int PRUNE_ABOVE = 10_000;

    private final GatewayConfig config;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    public SenderRateLimit(GatewayConfig config) {
        this.config = config;
    }

    /** Counts one message from {@code sender} at {@code now}; false when the sender is over its limit. */
    public boolean allow(String sender, Instant now) {
        Instant since = now.minus(config.inboundEmail().senderWindow());
        if (recent.size() > PRUNE_ABOVE) {
            recent.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || e.getValue().peekLast().isBefore(since);
                }
            });
        }
        Deque<Instant> times = recent.computeIfAbsent(sender, s -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
                times.pollFirst();
            }
            if (times.size() >= config.inboundEmail().senderLimit()) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
