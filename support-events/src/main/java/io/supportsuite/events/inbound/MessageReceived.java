package io.supportsuite.events.inbound;

import java.time.Instant;
import java.util.List;

import io.supportsuite.events.common.Identity;
import io.supportsuite.events.common.ThreadRefs;

/**
 * {@code support.message.received.v1} on {@code support.inbound.v1}: one customer message, normalised.
 * {@code rating} is set for reviews only (1–5); {@code negative} marks a review the team answers first (R7).
 */
public record MessageReceived(
        String channel,
        String providerMessageId,
        ThreadRefs thread,
        Identity sender,
        List<String> recipients,
        String subject,
        String text,
        String html,
        List<Attachment> attachments,
        String localeHint,
        Integer rating,
        boolean negative,
        Instant receivedAt) {
}
