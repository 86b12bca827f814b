package io.supportsuite.notifications.schedule;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/** A customer message (or the auto-solve timer) due at a time; {@code dedupKey} makes scheduling it idempotent. */
@Entity
@Table(name = "scheduled_notification")
public class ScheduledNotification extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String CANCELLED = "cancelled";
    public static final String SUPPRESSED = "suppressed";
    public static final String FAILED = "failed";

    @Id
    public UUID id;

    @Column(name = "dedup_key")
    public String dedupKey;

    /** A {@code NotificationKind} name. */
    public String kind;

    @Column(name = "ticket_id")
    public String ticketId;

    @Column(name = "due_at")
    public Instant dueAt;

    /** Sent at this time at the latest, quiet hours or not (N4: within 24 hours of the solve). */
    @Column(name = "not_after")
    public Instant notAfter;

    /** The delay notice's new promise (N2). */
    @Column(name = "new_eta")
    public Instant newEta;

    /** The survey a follow-up or its reminder links to (N5). */
    @Column(name = "survey_id")
    public UUID surveyId;

    /** The agent a notice goes to (the callback's owner, R3). */
    @Column(name = "agent_id")
    public String agentId;

    /** The callback a reminder is for: completing or moving it cancels the reminder. */
    @Column(name = "callback_id")
    public String callbackId;

    public String state;

    public String reason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Uni<Boolean> exists(String dedupKey) {
        return count("dedupKey", dedupKey).map(n -> n > 0);
    }

    /**
     * Writes the state, reason and due time of claimed rows with one statement (the dispatcher claims them
     * read-only: an update per row would cost a statement each).
     */
    public static Uni<Void> saveStates(List<ScheduledNotification> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = rows.size();
        String[] ids = new String[n], states = new String[n], reasons = new String[n], dues = new String[n],
                updated = new String[n];
        for (int i = 0; i < n; i++) {
            ScheduledNotification row = rows.get(i);
            ids[i] = row.id.toString();
            states[i] = row.state;
            reasons[i] = row.reason;
            dues[i] = row.dueAt.toString();
            updated[i] = row.updatedAt == null ? null : row.updatedAt.toString();
        }
        // Bound as text[] and cast in SQL: the one array type the session binds as is.
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                UPDATE scheduled_notification s SET state = u.state, reason = u.reason,
                    due_at = CAST(u.due_at AS timestamptz), updated_at = COALESCE(CAST(u.updated_at AS timestamptz), s.updated_at)
                FROM unnest(CAST(?1 AS text[]), CAST(?2 AS text[]), CAST(?3 AS text[]), CAST(?4 AS text[]), CAST(?5 AS text[]))
                    AS u(id, state, reason, due_at, updated_at)
                WHERE s.id = CAST(u.id AS uuid)""")
                .setParameter(1, ids)
                .setParameter(2, states)
                .setParameter(3, reasons)
                .setParameter(4, dues)
                .setParameter(5, updated)
                .executeUpdate())
                .replaceWithVoid();
    }

    public void close(String state, String reason, Instant at) {
        this.state = state;
        this.reason = reason;
        this.updatedAt = at;
    }
}
