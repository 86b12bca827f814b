package io.supportsuite.tickets.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A customer's request and everything that happened on it; the transcript is in {@link TicketMessage}. */
@Entity
@Table(name = "ticket")
public class Ticket extends PanacheEntityBase {

    @Id
    public UUID id;

    public long number;

    public String subject;

    /** A {@link TicketStatus#wire()} name. */
    public String status;

    public String priority;

    public String channel;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "follow_up_of")
    public UUID followUpOf;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "first_responded_at")
    public Instant firstRespondedAt;

    @Column(name = "solved_at")
    public Instant solvedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** The next SLA deadline owed (from support.sla.v1); null when no clock runs. */
    @Column(name = "sla_deadline")
    public Instant slaDeadline;

    /** A running clock passed the at-risk warning stage (R4). */
    @Column(name = "sla_at_risk")
    public boolean slaAtRisk;

    @Column(name = "sla_breached")
    public boolean slaBreached;

    @Column(name = "team_id")
    public UUID teamId;

    @Column(name = "assignee_id")
    public UUID assigneeId;

    /** The supervisor the ticket was escalated to (C6). */
    @Column(name = "escalated_to")
    public UUID escalatedTo;

    @Column(name = "escalated_at")
    public Instant escalatedAt;

    /** The customer's satisfaction answer, 1–5 (N5); null until they answered the survey. */
    @Column(name = "csat_score")
    public Integer csatScore;

    @Column(name = "csat_comment")
    public String csatComment;

    @Column(name = "csat_recorded_at")
    public Instant csatRecordedAt;

    /** The customer's NPS answer, 0–10, to the survey sent after this ticket (N5); null until answered. */
    @Column(name = "nps_score")
    public Integer npsScore;

    @Column(name = "nps_comment")
    public String npsComment;

    @Column(name = "nps_recorded_at")
    public Instant npsRecordedAt;

    /** Set on a ticket merged into another: it is closed, and its transcript lives there. */
    @Column(name = "merged_into")
    public UUID mergedInto;

    public TicketStatus status() {
        return TicketStatus.parse(status).orElseThrow(() -> new IllegalStateException("Ticket " + id + " has status " + status));
    }

    public void moveTo(TicketStatus to, Instant at) {
        status = to.wire();
        updatedAt = at;
        switch (to) {
            case SOLVED -> solvedAt = at;
            case CLOSED -> closedAt = at;
            case OPEN, PENDING, ON_HOLD -> solvedAt = null;
            default -> {
            }
        }
    }

    /**
     * Whether a customer message may still land on this ticket (C3): not closed, and if solved, not longer
     * ago than the reopen window.
     */
    public boolean acceptsCustomerMessage(Instant now, Duration reopenWindow) {
        TicketStatus current = status();
        if (current == TicketStatus.CLOSED) {
            return false;
        }
        return current != TicketStatus.SOLVED || solvedAt == null || !now.isAfter(solvedAt.plus(reopenWindow));
    }
}
