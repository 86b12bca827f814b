package io.supportsuite.tickets.customer;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One person, whatever channels they use (C2); reached through their {@link CustomerIdentity identities}. */
@Entity
@Table(name = "customer")
public class Customer extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    /** Null until known; events carry the configured default then. */
    public String locale;

    @Column(name = "time_zone")
    public String timeZone;

    public String segment;

    @Column(name = "created_at")
    public Instant createdAt;

    /** R6: a VIP's personal agent, who gets their tickets first when available. */
    @Column(name = "personal_agent_id")
    public UUID personalAgentId;

    /** Set on a customer merged into another (C2): their tickets and identities are there now. */
    @Column(name = "merged_into")
    public UUID mergedInto;
}
