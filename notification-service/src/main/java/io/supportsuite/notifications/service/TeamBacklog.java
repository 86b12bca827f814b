package io.supportsuite.notifications.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.supportsuite.notifications.config.NotificationsConfig;

/** N1: the team's live backlog and recent answer rate, from this service's ticket projection. */
@ApplicationScoped
public class TeamBacklog {

    // Kept per team by a trigger (V16): reading it costs the same whatever the backlog. '' is no team.
    private static final String WAITING = "SELECT COALESCE((SELECT waiting FROM team_waiting WHERE team = :waitingTeam), 0)";
    // "team IS NOT DISTINCT FROM :team" would read every row: no index serves it. A team, or no team, does.
    private static final String ANSWERED = "SELECT count(*) FROM ticket_contact WHERE %s AND first_replied_at >= :since";

    private final BacklogForecast forecast;
    private final Clock clock;

    public TeamBacklog(NotificationsConfig config, Clock clock) {
        this.forecast = new BacklogForecast(config.ack().forecastWindow(), config.ack().forecastMinAnswers());
        this.clock = clock;
    }

    /** When the team can answer a ticket joining its backlog now; null when its recent answers are too few to tell. */
    public Uni<Instant> forecast(String team) {
        Instant now = clock.instant();
        return waiting(team).chain(waiting -> answered(team, now.minus(forecast.window()))
                .map(answered -> forecast.forecast(now, waiting, answered)));
    }

    private static Uni<Long> waiting(String team) {
        return Panache.getSession().chain(session -> session.createNativeQuery(WAITING, Long.class)
                .setParameter("waitingTeam", team == null ? "" : team)
                .getSingleResult());
    }

    private static Uni<Long> answered(String team, Instant since) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(ANSWERED.formatted(team == null ? "team IS NULL" : "team = :team"), Long.class);
            if (team != null) {
                query.setParameter("team", team);
            }
            return query.setParameter("since", since).getSingleResult();
        });
    }
}
