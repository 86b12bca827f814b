package io.supportsuite.tickets.routing;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.tickets.agent.Agent;
import io.supportsuite.tickets.agent.CurrentAgent;
import io.supportsuite.tickets.api.RoutingView;
import io.supportsuite.tickets.api.SkillsRequest;
import io.supportsuite.tickets.config.TicketsConfig;
import io.supportsuite.tickets.service.Problems;

/**
 * Agents set themselves available or away; supervisors set their skills. An agent who becomes available is offered
 * the queue at once (after their change committed, so the router's agent locks are taken in one place only).
 */
@ApplicationScoped
public class Availability {

    static final String CHANNEL = "channel";
    static final String LANGUAGE = "language";
    private static final int MAX_SKILL = 50;

    private final CurrentAgent current;
    private final Router router;
    private final TicketsConfig config;

    public Availability(CurrentAgent current, Router router, TicketsConfig config) {
        this.current = current;
        this.router = router;
        this.config = config;
    }

    public Uni<RoutingView> setMine(Boolean available) {
        Problems.validate().check(available != null, "available", "must be true or false").orFail();
        return Panache.withTransaction(() -> current.agent().chain(me -> Panache.getSession()
                .chain(s -> s.createNativeQuery("UPDATE agent SET available = :available WHERE id = :id")
                        .setParameter("available", available).setParameter("id", me.id).executeUpdate())
                .invoke(() -> Log.infof("Agent %s is %s", me.username, available ? "available" : "away"))
                .replaceWith(me.id)))
                .call(id -> !available ? Uni.createFrom().voidItem() : router.drain()
                        .onFailure().invoke(e -> Log.warnf("Routing round failed, the queue job retries: %s", e.getMessage()))
                        .onFailure().recoverWithNull())
                .chain(this::view);
    }

    /** The agent's routing, or null when there is no such agent. */
    public Uni<RoutingView> view(UUID agentId) {
        return Panache.withSession(() -> Agent.<Agent>findById(agentId).chain(agent -> agent == null ? Uni.createFrom().nullItem()
                : Panache.getSession().chain(s -> s.createNativeQuery("SELECT a.available, "
                        + "(SELECT count(*) FROM ticket t WHERE t.assignee_id = a.id AND t.status NOT IN ('solved', 'closed')), "
                        + "(SELECT string_agg(k.value, ',' ORDER BY k.value) FROM agent_skill k WHERE k.agent_id = a.id AND k.kind = 'channel'), "
                        + "(SELECT string_agg(k.value, ',' ORDER BY k.value) FROM agent_skill k WHERE k.agent_id = a.id AND k.kind = 'language') "
                        + "FROM agent a WHERE a.id = :id", Object[].class).setParameter("id", agentId).getSingleResult())
                        .map(r -> new RoutingView(agentId.toString(), (Boolean) r[0], list((String) r[2]), list((String) r[3]),
                                ((Number) r[1]).longValue(), config.routing().maxTicketsPerAgent()))));
    }

    /** Replaces the agent's skills; null when there is no such agent. */
    public Uni<RoutingView> setSkills(UUID agentId, SkillsRequest request) {
        List<String> channels = normalise(request == null ? null : request.channels(), "channels");
        List<String> languages = normalise(request == null ? null : request.languages(), "languages");
        return Panache.withTransaction(() -> Agent.<Agent>findById(agentId).chain(agent -> {
            if (agent == null) {
                return Uni.createFrom().<Boolean>item(false);
            }
            Uni<Integer> work = Panache.getSession().chain(s -> s.createNativeQuery("DELETE FROM agent_skill WHERE agent_id = :id")
                    .setParameter("id", agentId).executeUpdate());
            for (String[] skill : skills(channels, languages)) {
                work = work.chain(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "INSERT INTO agent_skill (agent_id, kind, value) VALUES (:id, :kind, :value)")
                        .setParameter("id", agentId).setParameter("kind", skill[0]).setParameter("value", skill[1]).executeUpdate()));
            }
            return work
                    .replaceWith(true);
        })).chain(found -> found ? view(agentId) : Uni.createFrom().nullItem());
    }

    private static List<String[]> skills(List<String> channels, List<String> languages) {
        List<String[]> all = new java.util.ArrayList<>();
        channels.forEach(c -> all.add(new String[] { CHANNEL, c }));
        languages.forEach(l -> all.add(new String[] { LANGUAGE, l }));
        return all;
    }

    private static List<String> normalise(List<String> values, String field) {
        List<String> out = values == null ? List.of()
                : values.stream().map(v -> v == null ? "" : v.trim().toLowerCase(Locale.ROOT)).distinct().toList();
        Problems.validate().check(out.stream().noneMatch(v -> v.isEmpty() || v.length() > MAX_SKILL), field,
                "each must be a name of 1 to " + MAX_SKILL + " characters").orFail();
        return out;
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }
}
