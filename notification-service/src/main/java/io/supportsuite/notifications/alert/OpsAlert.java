package io.supportsuite.notifications.alert;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/**
 * An ops alert (N8): one per ticket, clock kind and stage, written in the transaction that consumed the SLA
 * event and delivered afterwards by {@code AlertDelivery}.
 */
@Entity
@Table(name = "ops_alert")
public class OpsAlert extends PanacheEntityBase {

    public static final String STAGE_BREACHED = "breached";
    /** A VIP ticket's clock at its warning stage (R4, R6): ops hear before the breach. */
    public static final String STAGE_AT_RISK = "at_risk";
    /** A breach nobody acknowledged in time, raised again to the manager sink. */
    public static final String STAGE_ESCALATED = "escalated";

    /** Notices to an agent: the callback owner's reminder (R3), the assignee's warning. */
    public static final String STAGE_CALLBACK_DUE = "callback_due";
    public static final String STAGE_ASSIGNEE_WARNING = "assignee_warning";

    public static final String SINK_OPS = "ops";
    /** The agents' sink; falls back to the ops sink when not configured. */
    public static final String SINK_AGENT = "agent";
    public static final String SINK_MANAGER = "manager";

    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    public static final String NO_SINK = "no_sink";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "ticket_id")
    public String ticketId;

    @Column(name = "clock_kind")
    public String clockKind;

    public String stage;

    @Column(name = "clock_id")
    public String clockId;

    public String policy;

    public Instant deadline;

    @Column(name = "fired_at")
    public Instant firedAt;

    @Column(name = "late_seconds")
    public long lateSeconds;

    /** The ticket's number and subject, when this service knew the ticket at the time of the breach. */
    @Column(name = "ticket_number")
    public Long number;

    public String subject;

    public String state;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** {@link #SINK_OPS} or {@link #SINK_MANAGER}. */
    public String sink;

    /** When this breach escalates unless acknowledged first; null once escalated (or for an escalation). */
    @Column(name = "escalate_at")
    public Instant escalateAt;

    /** The agent a notice is for (agent sink only). */
    @Column(name = "agent_id")
    public String agentId;

    /** The agent's own e-mail address a notice goes to (known from {@code agent.changed}); null: the sink's URL. */
    public String recipient;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    public static Uni<OpsAlert> of(String ticketId, String clockKind, String stage) {
        return find("ticketId = ?1 and clockKind = ?2 and stage = ?3", ticketId, clockKind, stage).firstResult();
    }
}
