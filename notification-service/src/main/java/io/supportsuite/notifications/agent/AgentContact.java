package io.supportsuite.notifications.agent;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** This service's projection of an agent (from ticket-service's {@code agent.changed}): where their notices go. */
@Entity
@Table(name = "agent_contact")
public class AgentContact extends PanacheEntityBase {

    @Id
    @Column(name = "agent_id")
    public String agentId;

    public String name;

    public String email;

    /** False once the agent was deleted: their notices go to the agent sink again. */
    public boolean active;

    @Column(name = "changed_at")
    public Instant changedAt;

    /** The address to mail this agent's notices to, or null. */
    public String mailbox() {
        return active && email != null && !email.isBlank() ? email.strip() : null;
    }
}
