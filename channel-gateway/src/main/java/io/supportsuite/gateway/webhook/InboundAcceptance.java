package io.supportsuite.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.inbound.MessageReceived;

/**
 * Accepts an inbound message at most once per (channel, provider message id) (C4), durably.
 *
 * <p>One transaction: insert the receipt (the primary key is the dedup key), publish the event and wait for
 * the broker's acknowledgement, then commit. A concurrent post of the same message waits on the first one's
 * row lock and, once that commits, finds the receipt: a duplicate. When Kafka fails, the transaction rolls
 * back and nothing is accepted; the provider retries.
 */
@ApplicationScoped
public class InboundAcceptance {

    /** What a webhook answers: {@code accepted} or {@code duplicate}, and the (original) event id. */
    public record Outcome(boolean duplicate, UUID eventId, String conversationKey) {
    }

    private final InboundPublisher publisher;
    private final Clock clock;

    public InboundAcceptance(InboundPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    public Uni<Outcome> accept(String conversationKey, MessageReceived message) {
        UUID eventId = eventId(message.channel(), message.providerMessageId());
        return Panache.withTransaction(() -> claim(eventId, conversationKey, message)
                .chain(claimed -> claimed
                        ? publisher.publish(eventId, conversationKey, message)
                                .replaceWith(new Outcome(false, eventId, conversationKey))
                        : original(message)));
    }

    /**
     * The event id is derived from the dedup key, so that a record the broker stored after the gateway had
     * given up on it (and rolled back) carries the same id as the provider's retry: consumers dedupe by id.
     */
    static UUID eventId(String channel, String providerMessageId) {
        return UUID.nameUUIDFromBytes((channel + ":" + providerMessageId).getBytes(StandardCharsets.UTF_8));
    }

    private Uni<Boolean> claim(UUID eventId, String conversationKey, MessageReceived message) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO webhook_receipt (channel, provider_message_id, event_id, conversation_key, received_at, accepted_at)
                VALUES (:channel, :messageId, :eventId, :key, :receivedAt, :acceptedAt)
                ON CONFLICT DO NOTHING""")
                .setParameter("channel", message.channel())
                .setParameter("messageId", message.providerMessageId())
                .setParameter("eventId", eventId)
                .setParameter("key", conversationKey)
                .setParameter("receivedAt", message.receivedAt())
                .setParameter("acceptedAt", clock.instant())
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    private Uni<Outcome> original(MessageReceived message) {
        return WebhookReceipt.<WebhookReceipt>findById(new WebhookReceipt.Key(message.channel(), message.providerMessageId()))
                .map(receipt -> new Outcome(true, receipt.eventId, receipt.conversationKey));
    }
}
