package io.supportsuite.notifications.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.ticket.TicketCsatRecorded;
import io.supportsuite.events.ticket.TicketNpsRecorded;
import io.supportsuite.notifications.config.NotificationsConfig;
import io.supportsuite.notifications.survey.Survey;
import io.supportsuite.notifications.ticket.TicketContact;
import io.supportsuite.runtime.outbox.Outbox;
import io.supportsuite.runtime.problem.ProblemException;

/**
 * N5: surveys behind signed links — CSAT (1–5 and an optional comment) after a solve, NPS (0–10). An answer
 * is stored once and published in the same transaction ({@code ticket.csat.recorded} or
 * {@code ticket.nps.recorded}), so the ticket shows its score. Forged, expired or reused links change nothing.
 */
@ApplicationScoped
public class Surveys {

    /** Longest comment kept; the page says so too. */
    public static final int MAX_COMMENT = 2000;

    private final SignedLinks links;
    private final String baseUrl;
    private final NotificationsConfig.FollowUp config;
    private final Outbox outbox;
    private final Clock clock;

    public Surveys(NotificationsConfig config, Outbox outbox, Clock clock) {
        this.links = new SignedLinks(config.links().secret());
        this.baseUrl = Consents.stripSlash(config.links().baseUrl());
        this.config = config.followUp();
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A new survey about the ticket, in the caller's transaction; its link is {@link #url(Survey)}. */
    public Uni<Survey> create(String kind, TicketContact ticket, String channel) {
        Survey survey = new Survey();
        survey.id = UUID.randomUUID();
        survey.kind = kind;
        survey.ticketId = ticket.ticketId;
        survey.customerId = ticket.customerId;
        survey.channel = ticket.channel == null ? channel : ticket.channel;
        survey.team = ticket.team;
        survey.agentId = ticket.agentId;
        survey.agentName = ticket.agentName;
        survey.locale = ticket.locale;
        survey.createdAt = clock.instant();
        survey.expiresAt = survey.createdAt.plus(config.surveyWindow());
        return survey.persist().replaceWith(survey);
    }

    public String url(Survey survey) {
        return baseUrl + "/surveys/" + links.sign(new SignedLinks.Claims(SignedLinks.SURVEY, survey.id.toString(), null, null,
                survey.locale, survey.expiresAt));
    }

    /** The survey a genuine, unexpired link names (answered or not); else a problem. */
    public Uni<Survey> open(String token) {
        return Uni.createFrom().item(() -> claims(token))
                .chain(claims -> Survey.<Survey>findById(UUID.fromString(claims.id())))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Survey", "of this link"));
    }

    /** Stores the answer once and publishes it; in the caller's transaction. */
    public Uni<Survey> answer(String token, Integer score, String comment) {
        return Uni.createFrom().item(() -> claims(token))
                .chain(claims -> Survey.<Survey>findById(UUID.fromString(claims.id()), LockModeType.PESSIMISTIC_WRITE))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Survey", "of this link"))
                .chain(survey -> record(survey, score, comment));
    }

    private Uni<Survey> record(Survey survey, Integer score, String comment) {
        if (survey.answeredAt != null) {
            return Uni.createFrom().failure(new ProblemException(409, "survey-answered", "Already answered",
                    "This survey was already answered; nothing was changed."));
        }
        if (score == null || score < survey.minScore() || score > survey.maxScore()) {
            return Uni.createFrom().failure(ProblemException.invalidField("score",
                    "must be a whole number from " + survey.minScore() + " to " + survey.maxScore()));
        }
        String trimmed = comment == null || comment.isBlank() ? null : comment.strip();
        if (trimmed != null && trimmed.length() > MAX_COMMENT) {
            return Uni.createFrom().failure(ProblemException.invalidField("comment", "at most " + MAX_COMMENT + " characters"));
        }
        Instant now = clock.instant();
        survey.score = score;
        survey.comment = trimmed;
        survey.answeredAt = now;
        Log.infof("Survey %s (%s) of ticket %s answered: %d", survey.id, survey.kind, survey.ticketId, score);
        return outbox.append(Topics.TICKETS, survey.ticketId, recordedType(survey), survey.ticketId, recorded(survey))
                .replaceWith(survey);
    }

    private static String recordedType(Survey survey) {
        return Survey.NPS.equals(survey.kind) ? EventTypes.TICKET_NPS_RECORDED : EventTypes.TICKET_CSAT_RECORDED;
    }

    /** The answer as the ticket's owner hears of it: {@code ticket.csat.recorded} or {@code ticket.nps.recorded}. */
    private static Object recorded(Survey survey) {
        return Survey.NPS.equals(survey.kind)
                ? new TicketNpsRecorded(survey.ticketId, survey.customerId, survey.agentId, survey.score, survey.comment,
                        survey.answeredAt)
                : new TicketCsatRecorded(survey.ticketId, survey.agentId, survey.score, survey.comment, survey.answeredAt);
    }

    /** CSAT % (share of 4 and 5) and NPS (promoters − detractors, in %) per channel, team or agent (M1). */
    public record Score(String group, long csatAnswers, Double csatPercent, long npsAnswers, Double nps) {
    }

    public Uni<List<Score>> scores(String by) {
        String column = switch (by == null ? "channel" : by) {
            case "channel" -> "channel";
            case "team" -> "coalesce(team, '')";
            case "agent" -> "coalesce(agent_id, '')";
            default -> throw ProblemException.invalidField("by", "one of channel, team, agent");
        };
        String sql = "SELECT " + column + " AS grp, "
                + "count(*) FILTER (WHERE kind = 'csat'), count(*) FILTER (WHERE kind = 'csat' AND score >= 4), "
                + "count(*) FILTER (WHERE kind = 'nps'), count(*) FILTER (WHERE kind = 'nps' AND score >= 9), "
                + "count(*) FILTER (WHERE kind = 'nps' AND score <= 6) "
                + "FROM survey WHERE answered_at IS NOT NULL GROUP BY grp ORDER BY grp";
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Object[].class).getResultList())
                .map(rows -> rows.stream().map(Surveys::score).toList());
    }

    private static Score score(Object[] r) {
        long csat = ((Number) r[1]).longValue();
        long satisfied = ((Number) r[2]).longValue();
        long nps = ((Number) r[3]).longValue();
        long promoters = ((Number) r[4]).longValue();
        long detractors = ((Number) r[5]).longValue();
        return new Score((String) r[0], csat, csat == 0 ? null : 100.0 * satisfied / csat, nps,
                nps == 0 ? null : 100.0 * (promoters - detractors) / nps);
    }

    private SignedLinks.Claims claims(String token) {
        try {
            return links.verify(token, SignedLinks.SURVEY, clock.instant());
        } catch (SignedLinks.InvalidLink e) {
            throw LinkProblems.of(e);
        }
    }
}
