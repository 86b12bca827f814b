package io.supportsuite.tickets.customer;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.supportsuite.events.common.Identity;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** How a customer is reached on one channel; (kind, value) belongs to exactly one customer (C2). */
@Entity
@Table(name = "customer_identity")
public class CustomerIdentity extends PanacheEntityBase {

    public static final String EMAIL = "email";

    @Id
    public UUID id;

    @Column(name = "customer_id")
    public UUID customerId;

    public String kind;

    /** Normalised: e-mail addresses lower-cased (C2). */
    public String value;

    public String network;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "created_at")
    public Instant createdAt;

    public Identity toEvent() {
        return new Identity(kind, value, network, displayName);
    }

    /** The kind as stored: lower-case. */
    public static String normaliseKind(String kind) {
        return kind == null ? null : kind.trim().toLowerCase(Locale.ROOT);
    }

    /** The value as stored: trimmed, and lower-cased for e-mail (C2). */
    public static String normaliseValue(String kind, String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return EMAIL.equals(normaliseKind(kind)) ? trimmed.toLowerCase(Locale.ROOT) : trimmed;
    }
}
