package io.supportsuite.tickets.callback;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.supportsuite.events.common.Identity;

/** R3: a promise to call the customer back, with one responsible agent and a due time. */
@Entity
@Table(name = "callback")
public class Callback extends PanacheEntityBase {

    public static final String SCHEDULED = "scheduled";
    public static final String COMPLETED = "completed";
    /** Sources: the live contact was not picked up in time (an SLA breach), or the customer asked. */
    public static final String PICKUP_MISSED = "pickup_missed";
    public static final String REQUESTED = "requested";

    @Id
    public UUID id;

    @Column(name = "ticket_id")
    public UUID ticketId;

    @Column(name = "contact_id")
    public String contactId;

    public String source;

    /** The ce_id of the event that asked for it: one callback per source event. */
    @Column(name = "source_event")
    public String sourceEvent;

    @Column(name = "owner_id")
    public UUID ownerId;

    @Column(name = "identity_kind")
    public String identityKind;

    @Column(name = "identity_value")
    public String identityValue;

    @Column(name = "identity_name")
    public String identityName;

    public String status;

    @Column(name = "due_at")
    public Instant dueAt;

    public String outcome;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    public Identity identity() {
        return identityKind == null ? null : new Identity(identityKind, identityValue, null, identityName);
    }
}
