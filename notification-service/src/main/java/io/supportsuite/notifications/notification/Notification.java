package io.supportsuite.notifications.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/**
 * A message this service asked the gateway to send to a customer. {@code dedupKey} (unique) is the outbound
 * idempotency key: the row and its {@code message.send} outbox record commit together, so it goes out once.
 */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "dedup_key")
    public String dedupKey;

    public String kind;

    @Column(name = "ticket_id")
    public String ticketId;

    public String channel;

    public String recipient;

    public String locale;

    public String subject;

    public String body;

    /** The Message-ID the outgoing mail carries, so a customer's answer threads back (C3). */
    @Column(name = "message_id")
    public String messageId;

    /** {@code failed}: the gateway gave up on this channel for good (delivery results). */
    @Column(name = "delivery_state")
    public String deliveryState;

    /** The gateway's reason, and what followed: the fallback's channel, or why there was none. */
    @Column(name = "delivery_reason")
    public String deliveryReason;

    /** The idempotency key of the message this one replaces on another channel. */
    @Column(name = "fallback_of")
    public String fallbackOf;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Uni<Boolean> exists(String dedupKey) {
        return count("dedupKey", dedupKey).map(n -> n > 0);
    }
}
