package io.supportsuite.events.delivery;

import java.time.Instant;

/** {@code support.delivery.succeeded.v1}: the provider accepted the message. */
public record DeliverySucceeded(String idempotencyKey, String kind, String ticketId, String channel, String providerMessageId, int attempts,
        Instant deliveredAt) {
}
