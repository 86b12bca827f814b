package io.supportsuite.events.delivery;

import java.time.Instant;

/** {@code support.delivery.failed.v1}: the last attempt failed; {@code permanent} says whether retrying can help. */
public record DeliveryFailed(String idempotencyKey, String kind, String ticketId, String channel, boolean permanent, String reason,
        int attempts, Instant failedAt) {
}
