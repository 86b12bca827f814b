package io.supportsuite.sla.rest;

import static io.supportsuite.sla.rest.Period.percent;
import static io.supportsuite.sla.service.NativeRows.rows;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.supportsuite.runtime.problem.ProblemException;
import io.supportsuite.sla.config.OpsConfig;

/**
 * What ops measure over a period (M1, M2): compliance per channel, priority, policy, team, kind or agent;
 * pickup speed and abandonment of live contacts; volume by hour of week; and the dashboard's tiles.
 * Periods are [from, to) in ISO-8601, by default {@code sla.ops.period} up to now.
 */
@Path("/api/sla")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
public class ReportsResource {

    /** Promises concluded in a period: kept (met) or broken (breached); compliance = met / (met + breached). */
    public record Compliance(String group, String name, long met, long breached, Double compliancePercent) {
    }

    /** Live contacts of one channel in a period (R2, M1). */
    public record Pickup(String channel, long offered, long answered, long abandoned, Double p50Seconds,
            Double p90Seconds, Double abandonmentPercent) {
    }

    /** One hour of the week (day 1 = Monday … 7 = Sunday, hour 0–23 local): new tickets and live contacts. */
    public record HourOfWeek(int day, int hour, long tickets, long contacts, long total) {
    }

    /** M2: every hour of the week (168 cells, Monday 00:00 first) in {@code zone} over the period. */
    public record Volume(String zone, Instant from, Instant to, double weeks, long tickets, long contacts, long peak,
            List<HourOfWeek> cells) {
    }

    /** The dashboard's tiles: live clocks now, and the period's compliance and pickup speed. */
    public record Summary(Instant at, long running, long paused, long atRisk, long openBreaches, Instant from,
            Instant to, long met, long breached, Double compliancePercent, long offered, Double pickupP50Seconds,
            Double pickupP90Seconds, Double abandonmentPercent) {
    }

    private static final Map<String, String> GROUPS = Map.of("channel", "channel", "priority", "priority", "policy",
            "policy", "team", "team", "kind", "kind", "agent", "agent_id");
    private static final String CONCLUDED_IN = "((stopped_at >= :from AND stopped_at < :to AND stop_reason = 'met') "
            + "OR (breached_at >= :from AND breached_at < :to))";
    private static final String ANSWERED = "stop_reason IN ('met', 'answered after the deadline', 'answered after the breach')";
    private static final String PICKUP_SPEED = "count(*), count(*) FILTER (WHERE " + ANSWERED + "), "
            + "count(*) FILTER (WHERE stop_reason LIKE 'abandoned%'), "
            + "percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM stopped_at - started_at)) FILTER (WHERE "
            + ANSWERED + "), "
            + "percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM stopped_at - started_at)) FILTER (WHERE "
            + ANSWERED + ") FROM clock WHERE kind = 'pickup' AND started_at >= :from AND started_at < :to";

    private final Clock clock;
    private final OpsConfig config;

    public ReportsResource(Clock clock, OpsConfig config) {
        this.clock = clock;
        this.config = config;
    }

    /** Compliance % grouped by channel, priority, policy, team, kind or agent (with the agent's name). */
    @GET
    @Path("compliance")
    @WithSession
    public Uni<List<Compliance>> compliance(@QueryParam("by") @DefaultValue("channel") String by,
            @QueryParam("kind") String kind, @QueryParam("from") String from, @QueryParam("to") String to) {
        String column = GROUPS.get(by);
        if (column == null) {
            throw ProblemException.invalidField("by", "one of " + GROUPS.keySet());
        }
        Period period = period(from, to);
        String name = "agent".equals(by) ? "max(agent_name)" : "NULL";
        String sql = "SELECT coalesce(" + column + ", '(none)') AS grp, " + name + ", "
                + "count(*) FILTER (WHERE stop_reason = 'met' AND stopped_at >= :from AND stopped_at < :to), "
                + "count(*) FILTER (WHERE breached_at >= :from AND breached_at < :to) FROM clock "
                + "WHERE (kind = :kind OR :kind = '') AND " + CONCLUDED_IN + " GROUP BY grp ORDER BY grp";
        return rows(sql, Map.of("from", period.from(), "to", period.to(), "kind", kind == null ? "" : kind))
                .map(rows -> rows.stream().map(r -> {
                    long met = count(r[2]);
                    long breached = count(r[3]);
                    return new Compliance((String) r[0], (String) r[1], met, breached, percent(met, met + breached));
                }).toList());
    }

    /** Pickup speed (p50, p90 seconds from the first ring to the answer) and abandonment per channel (R2, M1). */
    @GET
    @Path("pickup")
    @WithSession
    public Uni<List<Pickup>> pickup(@QueryParam("from") String from, @QueryParam("to") String to) {
        Period period = period(from, to);
        String sql = "SELECT coalesce(channel, '(none)') AS ch, " + PICKUP_SPEED + " GROUP BY ch ORDER BY ch";
        return rows(sql, Map.of("from", period.from(), "to", period.to())).map(rows -> rows.stream().map(r -> {
            long offered = count(r[1]);
            long abandoned = count(r[3]);
            return new Pickup((String) r[0], offered, count(r[2]), abandoned, seconds(r[4]), seconds(r[5]),
                    percent(abandoned, offered));
        }).toList());
    }

    /**
     * M2: new tickets (their first-response clocks: every ticket gets one) and live contacts (their pickup
     * clocks) by local day of week and hour in {@code zone}, over the period; {@code channel} narrows it.
     */
    @GET
    @Path("volume")
    @WithSession
    public Uni<Volume> volume(@QueryParam("zone") String zone, @QueryParam("channel") String channel,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        ZoneId zoneId = zone(zone == null || zone.isBlank() ? config.zone() : zone);
        Period period = period(from, to);
        String sql = "SELECT extract(isodow FROM started_at AT TIME ZONE :zone)::int AS d, "
                + "extract(hour FROM started_at AT TIME ZONE :zone)::int AS h, "
                + "count(*) FILTER (WHERE kind = 'first_response'), count(*) FILTER (WHERE kind = 'pickup') "
                + "FROM clock WHERE kind IN ('first_response', 'pickup') AND started_at >= :from AND started_at < :to "
                + "AND (channel = :channel OR :channel = '') GROUP BY d, h";
        return rows(sql, Map.of("zone", zoneId.getId(), "from", period.from(), "to", period.to(), "channel",
                channel == null ? "" : channel)).map(rows -> {
                    Map<Integer, Object[]> byHour = new HashMap<>();
                    rows.forEach(r -> byHour.put(((Number) r[0]).intValue() * 24 + ((Number) r[1]).intValue(), r));
                    List<HourOfWeek> cells = new ArrayList<>(168);
                    long tickets = 0;
                    long contacts = 0;
                    long peak = 0;
                    for (int day = 1; day <= 7; day++) {
                        for (int hour = 0; hour < 24; hour++) {
                            Object[] r = byHour.get(day * 24 + hour);
                            long t = r == null ? 0 : count(r[2]);
                            long c = r == null ? 0 : count(r[3]);
                            cells.add(new HourOfWeek(day, hour, t, c, t + c));
                            tickets += t;
                            contacts += c;
                            peak = Math.max(peak, t + c);
                        }
                    }
                    double weeks = Math.round(period.weeks() * 1000) / 1000.0;
                    return new Volume(zoneId.getId(), period.from(), period.to(), weeks, tickets, contacts, peak, cells);
                });
    }

    /** The dashboard's tiles, each the same number the other views give. */
    @GET
    @Path("summary")
    @WithSession
    public Uni<Summary> summary(@QueryParam("from") String from, @QueryParam("to") String to) {
        Period period = period(from, to);
        Map<String, Object> params = Map.of("from", period.from(), "to", period.to());
        String live = "SELECT count(*) FILTER (WHERE state = 'running'), count(*) FILTER (WHERE state = 'paused'), "
                + "count(*) FILTER (WHERE breached_at IS NULL AND EXISTS (SELECT 1 FROM clock_stage s WHERE s.clock_id = c.id)), "
                + "count(*) FILTER (WHERE breached_at IS NOT NULL) FROM clock c WHERE state <> 'stopped'";
        String concluded = "SELECT count(*) FILTER (WHERE stop_reason = 'met' AND stopped_at >= :from AND stopped_at < :to), "
                + "count(*) FILTER (WHERE breached_at >= :from AND breached_at < :to) FROM clock WHERE " + CONCLUDED_IN;
        return rows(live, Map.of()).chain(now -> rows(concluded, params).chain(kept -> rows("SELECT " + PICKUP_SPEED, params)
                .map(pickup -> {
                    Object[] l = now.get(0);
                    Object[] k = kept.get(0);
                    Object[] p = pickup.get(0);
                    long met = count(k[0]);
                    long breached = count(k[1]);
                    long offered = count(p[0]);
                    return new Summary(clock.instant(), count(l[0]), count(l[1]), count(l[2]), count(l[3]),
                            period.from(), period.to(), met, breached, percent(met, met + breached), offered,
                            seconds(p[3]), seconds(p[4]), percent(count(p[2]), offered));
                })));
    }

    private Period period(String from, String to) {
        return Period.of(from, to, clock.instant(), config.period());
    }

    /** A region's zone (so its DST counts); a fixed offset other than UTC is refused, PostgreSQL reads those inverted. */
    private static ZoneId zone(String zone) {
        try {
            ZoneId id = ZoneId.of(zone);
            if (id instanceof ZoneOffset offset) {
                if (!offset.equals(ZoneOffset.UTC)) {
                    throw new DateTimeException(zone);
                }
                return ZoneId.of("UTC");
            }
            return id;
        } catch (DateTimeException e) {
            throw ProblemException.invalidField("zone", "an IANA time zone such as Europe/Riga");
        }
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Double seconds(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 1000) / 1000.0;
    }
}
