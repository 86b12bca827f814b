package io.supportsuite.gateway.delivery;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One outbound command and how it ended; the idempotency key makes a repeated command send nothing. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    public static final String SENDING = "sending";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    @Id
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    public String kind;

    @Column(name = "ticket_id")
    public String ticketId;

    public String channel;

    public String recipient;

    public String status;

    public boolean permanent;

    public int attempts;

    @Column(name = "provider_message_id")
    public String providerMessageId;

    public String reason;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    /** When the current sender claimed it; a resumed delivery gets a new time, so a late first sender records nothing. */
    @Column(name = "claimed_at")
    public Instant claimedAt;
}
