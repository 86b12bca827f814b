package io.supportsuite.notifications.survey;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A survey sent to a customer (N5): CSAT (1–5) about a solved ticket, or NPS (0–10); answered once. */
@Entity
@Table(name = "survey")
public class Survey extends PanacheEntityBase {

    public static final String CSAT = "csat";
    public static final String NPS = "nps";

    @Id
    public UUID id;

    public String kind;

    @Column(name = "ticket_id")
    public String ticketId;

    @Column(name = "customer_id")
    public String customerId;

    public String channel;

    public String team;

    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "agent_name")
    public String agentName;

    public String locale;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "answered_at")
    public Instant answeredAt;

    public Integer score;

    public String comment;

    public int minScore() {
        return NPS.equals(kind) ? 0 : 1;
    }

    public int maxScore() {
        return NPS.equals(kind) ? 10 : 5;
    }
}
