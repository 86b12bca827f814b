package io.supportsuite.tickets.api;

import java.time.Instant;

/**
 * One message of a ticket's transcript (C7): {@code direction} inbound (customer) or outbound (agent);
 * {@code authorType} customer or agent; {@code messageId} the e-mail Message-ID, without angle brackets.
 */
public record TranscriptEntry(String id, String direction, String authorType, String authorId, String author, String channel,
        String text, String html, String messageId, String inReplyTo, Instant createdAt) {
}
