package io.supportsuite.tickets.agent;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A group of agents sharing a queue; an agent may be in several teams (table agent_team). */
@Entity
@Table(name = "team")
public class Team extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Column(name = "created_at")
    public Instant createdAt;
}
