package io.supportsuite.sla.rest;

import static io.supportsuite.sla.service.NativeRows.instant;
import static io.supportsuite.sla.service.NativeRows.rows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.supportsuite.runtime.problem.ProblemException;

/**
 * What ops watch (R4, M1): open breaches and clocks at risk sorted by time left, compliance over a period,
 * and pickup speed and abandonment.
 */
@Path("/api/sla")
@Produces(MediaType.APPLICATION_JSON)
public class OpsResource {

    /** A live clock that broke or may break its promise; {@code secondsLeft} is negative once past the deadline. */
    public record Alert(String clockId, String ticketId, String kind, String policy, String channel, String priority,
            String team, String state, Instant deadline, long secondsLeft, int lastStage) {
    }

    /** Promises concluded in a period: kept (met) or broken (breached); compliance = met / (met + breached). */
    public record Compliance(String group, long met, long breached, Double compliancePercent) {
    }

    /** Live contacts of one channel in a period (R2, M1). */
    public record Pickup(String channel, long offered, long answered, long abandoned, Double p50Seconds,
            Double p90Seconds, Double abandonmentPercent) {
    }

    private static final Map<String, String> GROUPS = Map.of("channel", "channel", "priority", "priority", "policy",
            "policy", "team", "team", "kind", "kind");
    private static final String LIVE_ALERTS = "SELECT c.id, c.ticket_id, c.kind, c.policy, c.channel, c.priority, c.team, "
            + "c.state, c.deadline, (SELECT max(s.stage_percent) FROM clock_stage s WHERE s.clock_id = c.id) AS last_stage "
            + "FROM clock c WHERE c.state <> 'stopped' AND ";

    private final Clock clock;

    public OpsResource(Clock clock) {
        this.clock = clock;
    }

    /** Open breaches: the deadline passed and the promise is still unkept, the most overdue first. */
    @GET
    @Path("breaches")
    @WithSession
    public Uni<List<Alert>> breaches(@QueryParam("limit") @DefaultValue("100") int limit) {
        return alerts("c.breached_at IS NOT NULL ORDER BY c.deadline LIMIT :limit", limit);
    }

    /** Running clocks past a warning stage (R4) and not breached yet, the least time left first. */
    @GET
    @Path("at-risk")
    @WithSession
    public Uni<List<Alert>> atRisk(@QueryParam("limit") @DefaultValue("100") int limit) {
        return alerts("c.breached_at IS NULL AND EXISTS (SELECT 1 FROM clock_stage s WHERE s.clock_id = c.id) "
                + "ORDER BY c.deadline LIMIT :limit", limit);
    }

    /** Compliance % grouped by channel, priority, policy, team or kind, over [from, to) (default: the last 7 days). */
    @GET
    @Path("compliance")
    @WithSession
    public Uni<List<Compliance>> compliance(@QueryParam("by") @DefaultValue("channel") String by,
            @QueryParam("kind") String kind, @QueryParam("from") String from, @QueryParam("to") String to) {
        String column = GROUPS.get(by);
        if (column == null) {
            throw ProblemException.invalidField("by", "one of " + GROUPS.keySet());
        }
        Instant end = instantParam("to", to, clock.instant());
        Instant start = instantParam("from", from, end.minus(Duration.ofDays(7)));
        String sql = "SELECT coalesce(" + column + ", '(none)') AS grp, "
                + "count(*) FILTER (WHERE stop_reason = 'met' AND stopped_at >= :from AND stopped_at < :to), "
                + "count(*) FILTER (WHERE breached_at >= :from AND breached_at < :to) FROM clock "
                + "WHERE (kind = :kind OR :kind = '') AND ((stopped_at >= :from AND stopped_at < :to) "
                + "OR (breached_at >= :from AND breached_at < :to)) GROUP BY grp ORDER BY grp";
        return rows(sql, Map.of("from", start, "to", end, "kind", kind == null ? "" : kind))
                .map(rows -> rows.stream().map(r -> {
                    long met = ((Number) r[1]).longValue();
                    long breached = ((Number) r[2]).longValue();
                    return new Compliance((String) r[0], met, breached, percent(met, met + breached));
                }).filter(c -> c.met() + c.breached() > 0).toList());
    }

    /** Pickup speed (p50, p90 seconds from the first ring to the answer) and abandonment per channel (R2, M1). */
    @GET
    @Path("pickup")
    @WithSession
    public Uni<List<Pickup>> pickup(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant end = instantParam("to", to, clock.instant());
        Instant start = instantParam("from", from, end.minus(Duration.ofDays(7)));
        String answered = "stop_reason IN ('met', 'answered after the deadline', 'answered after the breach')";
        String sql = "SELECT coalesce(channel, '(none)') AS ch, count(*), count(*) FILTER (WHERE " + answered + "), "
                + "count(*) FILTER (WHERE stop_reason LIKE 'abandoned%'), "
                + "percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM stopped_at - started_at)) "
                + "FILTER (WHERE " + answered + "), "
                + "percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM stopped_at - started_at)) "
                + "FILTER (WHERE " + answered + ") "
                + "FROM clock WHERE kind = 'pickup' AND started_at >= :from AND started_at < :to GROUP BY ch ORDER BY ch";
        return rows(sql, Map.of("from", start, "to", end)).map(rows -> rows.stream().map(r -> {
            long offered = ((Number) r[1]).longValue();
            long abandoned = ((Number) r[3]).longValue();
            return new Pickup((String) r[0], offered, ((Number) r[2]).longValue(), abandoned, number(r[4]), number(r[5]),
                    percent(abandoned, offered));
        }).toList());
    }

    private Uni<List<Alert>> alerts(String condition, int limit) {
        Instant now = clock.instant();
        return rows(LIVE_ALERTS + condition, Map.of("limit", Math.max(1, Math.min(limit, 1000))))
                .map(rows -> rows.stream().map(r -> {
                    Instant deadline = instant(r[8]);
                    return new Alert(String.valueOf(r[0]), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                            (String) r[5], (String) r[6], (String) r[7], deadline,
                            Duration.between(now, deadline).toSeconds(), r[9] == null ? 0 : ((Number) r[9]).intValue());
                }).toList());
    }

    private static Instant instantParam(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }

    private static Double number(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 1000) / 1000.0;
    }

    private static Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 100.0;
    }
}
