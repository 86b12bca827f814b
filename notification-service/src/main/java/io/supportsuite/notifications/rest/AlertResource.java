package io.supportsuite.notifications.rest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.supportsuite.notifications.alert.OpsAlert;
import io.supportsuite.runtime.problem.ProblemException;

/** Ops alerts (N8), how their delivery went (newest first), and their acknowledgement. */
@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    public record AlertView(long id, String ticketId, String clock, String stage, String policy, Instant deadline,
            Instant firedAt, long lateSeconds, Long number, String subject, String sink, String state, int attempts,
            String lastError, Instant createdAt, Instant sentAt, Instant escalateAt, Instant acknowledgedAt,
            String acknowledgedBy, String agentId, String recipient) {

        static AlertView of(OpsAlert a) {
            return new AlertView(a.id, a.ticketId, a.clockKind, a.stage, a.policy, a.deadline, a.firedAt, a.lateSeconds,
                    a.number, a.subject, a.sink, a.state, a.attempts, a.lastError, a.createdAt, a.sentAt, a.escalateAt,
                    a.acknowledgedAt, a.acknowledgedBy, a.agentId, a.recipient);
        }
    }

    /** Who takes the alert on. */
    public record Acknowledgement(@NotBlank String by) {
    }

    private final Clock clock;

    public AlertResource(Clock clock) {
        this.clock = clock;
    }

    /** Someone took the breach on: it will not escalate (N8). Acknowledging again keeps the first acknowledgement. */
    @POST
    @Path("/{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    public Uni<AlertView> acknowledge(@PathParam("id") long id, @Valid @NotNull Acknowledgement acknowledgement) {
        return OpsAlert.<OpsAlert>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Alert", id))
                .map(alert -> {
                    if (alert.acknowledgedAt == null) {
                        alert.acknowledgedAt = clock.instant();
                        alert.acknowledgedBy = acknowledgement.by();
                        alert.escalateAt = null;
                        Log.infof("Alert %d (ticket %s, %s %s) acknowledged by %s", id, alert.ticketId, alert.clockKind,
                                alert.stage, acknowledgement.by());
                    }
                    return AlertView.of(alert);
                });
    }

    @GET
    @WithSession
    public Uni<List<AlertView>> list(@QueryParam("ticketId") String ticketId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        Sort newestFirst = Sort.descending("createdAt", "id");
        var query = ticketId == null || ticketId.isBlank() ? OpsAlert.<OpsAlert>findAll(newestFirst)
                : OpsAlert.<OpsAlert>find("ticketId", newestFirst, ticketId);
        return query.range(0, limit - 1).list().map(alerts -> alerts.stream().map(AlertView::of).toList());
    }
}
