package io.supportsuite.events.contact;

import java.time.Instant;

/** {@code support.contact.ring.v1}: optional, one per ring. */
public record ContactRing(String contactId, String channel, int ring, Instant ringAt) {
}
