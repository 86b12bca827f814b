package io.supportsuite.sla.rest;

import static io.supportsuite.sla.service.NativeRows.instant;
import static io.supportsuite.sla.service.NativeRows.rows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

/**
 * What ops watch live (R4): open breaches and clocks at risk, sorted by time left. For supervisors and
 * admins, like the dashboard that shows them; the reports over a period are {@link ReportsResource}.
 */
@Path("/api/sla")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
public class OpsResource {

    /**
     * A live clock that broke or may break its promise; {@code secondsLeft} is negative once past the deadline;
     * the agent is who it is on (the assignee until someone answers).
     */
    public record Alert(String clockId, String ticketId, String kind, String policy, String channel, String priority,
            String team, String agentId, String agentName, String state, Instant deadline, long secondsLeft,
            int lastStage) {
    }

    private static final String LIVE_ALERTS = "SELECT c.id, c.ticket_id, c.kind, c.policy, c.channel, c.priority, c.team, "
            + "c.agent_id, c.agent_name, c.state, c.deadline, "
            + "(SELECT max(s.stage_percent) FROM clock_stage s WHERE s.clock_id = c.id) AS last_stage "
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

    private Uni<List<Alert>> alerts(String condition, int limit) {
        Instant now = clock.instant();
        return rows(LIVE_ALERTS + condition, Map.of("limit", Math.max(1, Math.min(limit, 1000))))
                .map(rows -> rows.stream().map(r -> {
                    Instant deadline = instant(r[10]);
                    return new Alert(String.valueOf(r[0]), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                            (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9], deadline,
                            Duration.between(now, deadline).toSeconds(), r[11] == null ? 0 : ((Number) r[11]).intValue());
                }).toList());
    }
}
