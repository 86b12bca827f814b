package io.supportsuite.gateway.webhook;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.supportsuite.gateway.webhook.InboundAcceptance.Outcome;

/**
 * Accepts a live-contact event at most once per (channel, provider event id) (C4), durably, on the same
 * receipt log and with the same transaction shape as messages: claim, publish, wait for the broker, commit.
 */
@ApplicationScoped
public class ContactAcceptance {

    private final ContactPublisher publisher;
    private final Clock clock;

    public ContactAcceptance(ContactPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    public Uni<Outcome> accept(InboundItem.Contact contact) {
        UUID eventId = InboundAcceptance.eventId(contact.channel(), contact.providerId());
        return Panache.withTransaction(() -> claim(eventId, contact)
                .chain(claimed -> claimed
                        ? publisher.publish(eventId, contact.contactId(), contact.type(), contact.event())
                                .replaceWith(new Outcome(false, eventId, contact.contactId()))
                        : WebhookReceipt.<WebhookReceipt>findById(new WebhookReceipt.Key(contact.channel(), contact.providerId()))
                                .map(receipt -> new Outcome(true, receipt.eventId, receipt.conversationKey))));
    }

    private Uni<Boolean> claim(UUID eventId, InboundItem.Contact contact) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO webhook_receipt (channel, provider_message_id, event_id, conversation_key, received_at, accepted_at)
                VALUES (:channel, :providerId, :eventId, :key, :receivedAt, :acceptedAt)
                ON CONFLICT DO NOTHING""")
                .setParameter("channel", contact.channel())
                .setParameter("providerId", contact.providerId())
                .setParameter("eventId", eventId)
                .setParameter("key", contact.contactId())
                .setParameter("receivedAt", clock.instant())
                .setParameter("acceptedAt", clock.instant())
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
