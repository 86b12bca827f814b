package io.supportsuite.events.outbound;

import java.time.Instant;

import io.supportsuite.events.common.Identity;
import io.supportsuite.events.common.ThreadRefs;

/** {@code support.message.send.v1}: send one message to a customer on a channel; {@code idempotencyKey} makes a redelivery send nothing twice. {@code kind}: agent_reply, ack, delay_notice, reminder, follow_up, survey. */
public record MessageSend(String idempotencyKey, String kind, String ticketId, String customerId, String channel, Identity recipient,
        String subject, String text, String html, ThreadRefs replyTo, String locale, Instant requestedAt) {
}
