package io.supportsuite.gateway.email;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.supportsuite.gateway.config.GatewayConfig;

/**
 * At most {@code sender-limit} messages per sender within {@code sender-window}: a mail loop the header checks
 * miss (an auto-responder that sets none of them) is cut off after a few rounds instead of flooding the queue.
 * A message counts once: a provider's retry of a message already counted is let through (dedup answers it).
 * Kept per instance, in memory: a loop is fast, and a restart merely lets a few more through. Senders quiet for
 * a whole window are forgotten in one sweep at most every tenth of a window, so that many distinct senders cost
 * memory for one window and never a scan per message.
 */
@ApplicationScoped
public class SenderRateLimit {

    private final GatewayConfig config;
    private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);
    private record Seen(Instant at, String messageId) {
    }

    private final Map<String, Deque<Seen>> recent = new ConcurrentHashMap<>();

    public SenderRateLimit(GatewayConfig config) {
        this.config = config;
    }

    /** Counts message {@code messageId} from {@code sender} at {@code now}; false when the sender is over its limit. */
    public boolean allow(String sender, String messageId, Instant now) {
        Instant since = now.minus(config.inboundEmail().senderWindow());
        Instant sweepDue = nextSweep.get();
        if (!now.isBefore(sweepDue) && nextSweep.compareAndSet(sweepDue, now.plus(config.inboundEmail().senderWindow().dividedBy(10)))) {
            recent.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || e.getValue().peekLast().at().isBefore(since);
                }
            });
        }
        Deque<Seen> seen = recent.computeIfAbsent(sender, s -> new ArrayDeque<>());
        synchronized (seen) {
            while (!seen.isEmpty() && seen.peekFirst().at().isBefore(since)) {
                seen.pollFirst();
            }
            if (seen.stream().anyMatch(earlier -> earlier.messageId().equals(messageId))) {
                return true;
            }
            if (seen.size() >= config.inboundEmail().senderLimit()) {
                return false;
            }
            seen.addLast(new Seen(now, messageId));
            return true;
        }
    }
}
