package io.supportsuite.tickets.sla;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One SLA clock of a ticket as sla-monitor last reported it (support.sla.v1); sla-monitor owns the clock itself. */
@Entity
@Table(name = "ticket_clock")
public class TicketClock extends PanacheEntityBase {

    public static final String RUNNING = "running";
    public static final String PAUSED = "paused";
    public static final String MET = "met";
    public static final String BREACHED = "breached";

    /** The ticket id, a colon and the kind. */
    @Id
    public String id;

    @Column(name = "ticket_id")
    public UUID ticketId;

    public String kind;

    @Column(name = "clock_id")
    public String clockId;

    public String policy;

    public String state;

    public Instant deadline;

    @Column(name = "warned_percent")
    public int warnedPercent;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static String idOf(UUID ticketId, String kind) {
        return ticketId + ":" + kind;
    }
}
