package io.supportsuite.events.delivery;

import java.time.Instant;

/** {@code support.delivery.bounced.v1}: accepted, then returned by the recipient's side. */
public record DeliveryBounced(String idempotencyKey, String kind, String ticketId, String channel, String reason, Instant bouncedAt) {
}
