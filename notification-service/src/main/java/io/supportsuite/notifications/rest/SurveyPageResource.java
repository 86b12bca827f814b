package io.supportsuite.notifications.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.supportsuite.notifications.service.SignedLinks;
import io.supportsuite.notifications.service.Surveys;

/**
 * The survey pages customers reach from the follow-up (N5): the form (CSAT 1–5 or NPS 0–10 and an optional
 * comment) and its answer. A forged, expired or reused link gets a short error page with a 4xx status and
 * changes nothing.
 */
@Path("/surveys/{token}")
@Produces(MediaType.TEXT_HTML)
public class SurveyPageResource {

    private final Surveys surveys;
    private final Pages pages;

    public SurveyPageResource(Surveys surveys, Pages pages) {
        this.surveys = surveys;
        this.pages = pages;
    }

    @GET
    @WithSession
    public Uni<Response> form(@PathParam("token") String token) {
        return surveys.open(token)
                .map(survey -> survey.answeredAt != null ? pages.message(409, survey.locale, "answered", null, null, null, null)
                        : pages.surveyForm(survey, "/surveys/" + token))
                .onFailure().recoverWithItem(e -> pages.error(e, SignedLinks.localeHint(token)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> answer(@PathParam("token") String token, @FormParam("score") String score,
            @FormParam("comment") String comment) {
        return Panache.withTransaction(() -> surveys.answer(token, parse(score), comment))
                .map(survey -> pages.message(200, survey.locale, "thanks", null, null, null, null))
                .onFailure().recoverWithItem(e -> pages.error(e, SignedLinks.localeHint(token)));
    }

    static Integer parse(String score) {
        try {
            return score == null ? null : Integer.valueOf(score.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
