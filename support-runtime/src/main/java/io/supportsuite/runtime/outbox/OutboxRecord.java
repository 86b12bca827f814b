package io.supportsuite.runtime.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One event waiting to be relayed; written in the same transaction as the state change it announces. */
@Entity
@Table(name = "outbox")
public class OutboxRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String topic;

    @Column(name = "record_key")
    public String recordKey;

    @Column(name = "ce_id")
    public UUID ceId;

    @Column(name = "ce_type")
    public String ceType;

    @Column(name = "ce_subject")
    public String ceSubject;

    @Column(name = "ce_time")
    public Instant ceTime;

    public String payload;
}
