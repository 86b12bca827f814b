package io.supportsuite.sla.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import io.supportsuite.sla.service.NativeRows;

/** Read-only view of a ticket's clocks: deadlines, state, the stages already fired, and their history. */
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

    /** One entry of a clock's history: started, paused (with the reason), resumed, a stage, stopped (with the reason). */
    public record HistoryEntry(String clockId, String kind, Instant at, String event, String detail) {
    }

    /** Every clock of the ticket, step by step, in time order. */
    @GET
    @Path("history")
    @WithSession
    public Uni<List<HistoryEntry>> history(@PathParam("ticketId") String ticketId) {
        return NativeRows.rows("SELECT h.clock_id, c.kind, h.at, h.event, h.detail FROM clock_history h "
                + "JOIN clock c ON c.id = h.clock_id WHERE c.ticket_id = :ticket ORDER BY h.at, h.id", Map.of("ticket", ticketId))
                .map(rows -> rows.stream().map(r -> new HistoryEntry(String.valueOf(r[0]), (String) r[1],
                        NativeRows.instant(r[2]), (String) r[3], (String) r[4])).toList())
                .chain(entries -> entries.isEmpty() ? Uni.createFrom().failure(new ProblemException(404, "not-found",
                        "Not found", "No SLA clock for ticket " + ticketId)) : Uni.createFrom().item(entries));
    }

    private static Uni<List<Integer>> firedStages(SlaClock clock) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT stage_percent FROM clock_stage WHERE clock_id = :id ORDER BY stage_percent",
                        Integer.class)
                .setParameter("id", clock.id)
                .getResultList());
    }
}
