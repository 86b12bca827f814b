package io.supportsuite.notifications.ticket;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/** A deadline sla-monitor promised for a ticket (one per clock kind), as its {@code sla.clock.started} said. */
@Entity
@Table(name = "response_promise")
public class ResponsePromise extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "ticket_id")
    public String ticketId;

    @Column(name = "clock_kind")
    public String clockKind;

    @Column(name = "clock_id")
    public String clockId;

    public String policy;

    public Instant deadline;

    @Column(name = "started_at")
    public Instant startedAt;

    public static Uni<ResponsePromise> of(String ticketId, String clockKind) {
        return find("ticketId = ?1 and clockKind = ?2", ticketId, clockKind).firstResult();
    }
}
