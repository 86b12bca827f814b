package io.supportsuite.notifications.rest;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.supportsuite.notifications.alert.OpsAlert;

/** Ops alerts (N8) and how their delivery went, newest first: what ops and tests look at. */
@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    public record AlertView(long id, String ticketId, String clock, String stage, String policy, Instant deadline,
            Instant firedAt, long lateSeconds, Long number, String subject, String state, int attempts, String lastError,
            Instant createdAt, Instant sentAt) {

        static AlertView of(OpsAlert a) {
            return new AlertView(a.id, a.ticketId, a.clockKind, a.stage, a.policy, a.deadline, a.firedAt, a.lateSeconds,
                    a.number, a.subject, a.state, a.attempts, a.lastError, a.createdAt, a.sentAt);
        }
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
