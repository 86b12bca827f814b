package io.supportsuite.events.contact;

import java.time.Instant;

/** {@code support.contact.answered.v1}: an agent picked up; stops the pickup clock (R2). */
public record ContactAnswered(String contactId, String channel, String agentId, Instant answeredAt) {
}
