package io.supportsuite.tickets.canned;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A script for a common situation (C5); its body may hold {@link Placeholders}. */
@Entity
@Table(name = "canned_response")
public class CannedResponse extends PanacheEntityBase {

    @Id
    public UUID id;

    public String title;

    public String body;

    /** The team it is meant for; null for everyone. */
    @Column(name = "team_id")
    public UUID teamId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
