package io.supportsuite.events.contact;

import java.time.Instant;

import io.supportsuite.events.common.Identity;

/** {@code support.callback.requested.v1}: the customer asked to be called back (R3), maybe for a slot. */
public record CallbackRequested(String contactId, String channel, Identity customer, Instant requestedAt,
        Instant preferredAt) {
}
