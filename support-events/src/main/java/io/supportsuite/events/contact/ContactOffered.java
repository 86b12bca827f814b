package io.supportsuite.events.contact;

import java.time.Instant;

import io.supportsuite.events.common.Identity;

/** {@code support.contact.offered.v1}: a live call or chat starts ringing; starts the three-ring clock (R2). */
public record ContactOffered(String contactId, String channel, Identity customer, String queue, Instant offeredAt) {
}
