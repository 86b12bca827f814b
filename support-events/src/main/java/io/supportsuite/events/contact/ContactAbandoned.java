package io.supportsuite.events.contact;

import java.time.Instant;

import io.supportsuite.events.common.Identity;

/** {@code support.contact.abandoned.v1}: the customer hung up or left before pickup. */
public record ContactAbandoned(String contactId, String channel, Identity customer, Instant abandonedAt) {
}
