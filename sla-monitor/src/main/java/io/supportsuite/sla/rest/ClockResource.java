package io.supportsuite.sla.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.supportsuite.runtime.problem.ProblemException;
import io.supportsuite.sla.clock.SlaClock;

/** Read-only view of a ticket's clocks: deadlines, state, and the stages already fired. */
@Path("/api/tickets/{ticketId}/clocks")
@Produces(MediaType.APPLICATION_JSON)
public class ClockResource {

    @GET
    @WithSession
    public Uni<List<ClockView>> clocks(@PathParam("ticketId") String ticketId) {
        return SlaClock.<SlaClock>list("ticketId = ?1 order by startedAt", ticketId).chain(clocks -> {
            if (clocks.isEmpty()) {
                return Uni.createFrom().failure(
                        new ProblemException(404, "not-found", "Not found", "No SLA clock for ticket " + ticketId));
            }
            List<ClockView> views = new ArrayList<>();
            Uni<Void> reading = Uni.createFrom().voidItem();
            for (SlaClock clock : clocks) {
                reading = reading.chain(() -> firedStages(clock).invoke(fired -> views.add(ClockView.of(clock, fired))))
                        .replaceWithVoid();
            }
            return reading.replaceWith(views);
        });
    }

    private static Uni<List<Integer>> firedStages(SlaClock clock) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT stage_percent FROM clock_stage WHERE clock_id = :id ORDER BY stage_percent",
                        Integer.class)
                .setParameter("id", clock.id)
                .getResultList());
    }
}
