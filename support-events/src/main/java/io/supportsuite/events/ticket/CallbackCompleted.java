package io.supportsuite.events.ticket;

import java.time.Instant;

/** {@code support.callback.completed.v1}: the owner made the callback. */
public record CallbackCompleted(String callbackId, String ticketId, String ownerAgentId, String outcome, Instant completedAt) {
}
