package io.supportsuite.sla.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A stored {@link CalendarDefinition}. */
@Entity
@Table(name = "sla_calendar")
public class CalendarRow extends PanacheEntityBase {

    @Id
    public String name;

    public String zone;
    public String hours;
    public String holidays;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public CalendarDefinition toDefinition() {
        return new CalendarDefinition(name, zone, hours, CalendarDefinition.dates(holidays));
    }

    public CalendarRow take(CalendarDefinition definition, Instant at) {
        name = definition.name();
        zone = definition.zone();
        hours = definition.hours();
        holidays = definition.holidays().stream().map(LocalDate::toString).collect(Collectors.joining(","));
        updatedAt = at;
        return this;
    }
}
