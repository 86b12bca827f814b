package io.supportsuite.gateway.webhook;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A provider message the gateway accepted (C4): its dedup key and the event it became. */
@Entity
@Table(name = "webhook_receipt")
public class WebhookReceipt extends PanacheEntityBase {

    /** The dedup key: a provider's message id is unique within its channel. */
    @Embeddable
    public record Key(String channel, @Column(name = "provider_message_id") String providerMessageId) {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "conversation_key")
    public String conversationKey;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;
}
