package io.supportsuite.tickets.timeline;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One line of a ticket's timeline that is not a message (C7): a note, a status change, an SLA event, ... */
@Entity
@Table(name = "ticket_activity")
public class TicketActivity extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Storage order, filled by the database. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "ticket_id")
    public UUID ticketId;

    /** A {@link ActivityKind} wire name. */
    public String kind;

    @Column(name = "actor_id")
    public String actorId;

    @Column(name = "actor_name")
    public String actorName;

    /** A note's body, an escalation's reason. */
    public String text;

    /** JSON object: what the kind needs (from, to, clock, deadline, ...). */
    public String details;

    @Column(name = "created_at")
    public Instant createdAt;
}
