package io.supportsuite.notifications.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.supportsuite.notifications.service.Surveys;
import io.supportsuite.notifications.survey.Survey;

/** Surveys as JSON (N5): answering by link (errors as problem+json), a ticket's surveys, and CSAT % / NPS (M1). */
@Path("/api/surveys")
@Produces(MediaType.APPLICATION_JSON)
public class SurveyResource {

    public record Answer(Integer score, String comment) {
    }

    public record SurveyView(UUID id, String kind, String ticketId, String customerId, String channel, String team,
            String agentId, String locale, Instant createdAt, Instant expiresAt, Instant answeredAt, Integer score,
            String comment) {

        static SurveyView of(Survey s) {
            return new SurveyView(s.id, s.kind, s.ticketId, s.customerId, s.channel, s.team, s.agentId, s.locale, s.createdAt,
                    s.expiresAt, s.answeredAt, s.score, s.comment);
        }
    }

    private final Surveys surveys;

    public SurveyResource(Surveys surveys) {
        this.surveys = surveys;
    }

    @POST
    @Path("/{token}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<SurveyView> answer(@PathParam("token") String token, Answer answer) {
        return Panache.withTransaction(() -> surveys.answer(token, answer == null ? null : answer.score(),
                answer == null ? null : answer.comment())).map(SurveyView::of);
    }

    @GET
    @WithSession
    public Uni<List<SurveyView>> list(@QueryParam("ticketId") String ticketId) {
        var query = ticketId == null || ticketId.isBlank() ? Survey.<Survey>findAll(Sort.descending("createdAt"))
                : Survey.<Survey>find("ticketId", Sort.descending("createdAt"), ticketId);
        return query.range(0, 999).list().map(rows -> rows.stream().map(SurveyView::of).toList());
    }

    /** {@code by}: channel (default), team or agent. */
    @GET
    @Path("/scores")
    @WithSession
    public Uni<List<Surveys.Score>> scores(@QueryParam("by") String by) {
        return surveys.scores(by);
    }
}
