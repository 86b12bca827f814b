package io.supportsuite.gateway.webhook;

import io.supportsuite.events.inbound.MessageReceived;

/** One thing a provider's webhook carried, normalised: a customer message, a live-contact event, or nothing for us. */
public sealed interface InboundItem {

    /** A customer message for {@code support.inbound.v1}, published under {@code conversationKey} ({@code channel:thread}). */
    record Message(String conversationKey, MessageReceived message) implements InboundItem {
    }

    /**
     * A live-contact event for {@code support.contact.v1}, keyed by {@code contactId}; {@code providerId} is what
     * the provider repeats on a retry (dedup within {@code channel}, C4); {@code type} is its {@code ce_type}.
     */
    record Contact(String channel, String providerId, String contactId, String type, Object event) implements InboundItem {
    }

    /** Something the suite does not act on (a delivery receipt, an echo of our own message, an auto-reply). */
    record Ignored(String reason) implements InboundItem {
    }
}
