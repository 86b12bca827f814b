package io.supportsuite.events.ticket;

import java.time.Instant;

import io.supportsuite.events.common.Identity;

/** {@code support.callback.scheduled.v1}: a callback with one responsible agent and a due time (R3). */
public record CallbackScheduled(String callbackId, String ticketId, String contactId, String ownerAgentId, Identity customer, Instant dueAt,
        Instant scheduledAt) {
}
