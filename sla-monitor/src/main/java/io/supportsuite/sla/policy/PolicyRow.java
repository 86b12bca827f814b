package io.supportsuite.sla.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A stored {@link Policy}; lists and targets as text (see V2__policies_and_calendars.sql). */
@Entity
@Table(name = "sla_policy")
public class PolicyRow extends PanacheEntityBase {

    @Id
    public String name;

    public int rank;
    public String channels;
    public String priorities;
    public String segments;
    public String teams;
    public String calendar;
    public String targets;

    @Column(name = "warning_percents")
    public String warningPercents;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public Policy toPolicy() {
        Map<String, Duration> byKind = new LinkedHashMap<>();
        for (String entry : list(targets)) {
            String[] kv = entry.split("=", 2);
            byKind.put(kv[0].trim(), Duration.parse(kv[1].trim()));
        }
        return new Policy(name, rank, list(channels), list(priorities), list(segments), list(teams), calendar, byKind,
                list(warningPercents).stream().map(Integer::valueOf).toList());
    }

    public PolicyRow take(Policy policy, Instant at) {
        name = policy.name();
        rank = policy.rank();
        channels = String.join(",", policy.channels());
        priorities = String.join(",", policy.priorities());
        segments = String.join(",", policy.segments());
        teams = String.join(",", policy.teams());
        calendar = policy.calendar();
        targets = policy.targets().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
        warningPercents = policy.warningPercents().stream().map(String::valueOf).collect(Collectors.joining(","));
        updatedAt = at;
        return this;
    }

    static List<String> list(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
