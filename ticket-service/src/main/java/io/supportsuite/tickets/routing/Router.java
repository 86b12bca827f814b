package io.supportsuite.tickets.routing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.supportsuite.runtime.schema.SchemaMigrator;
import io.supportsuite.tickets.agent.Agent;
import io.supportsuite.tickets.agent.Team;
import io.supportsuite.tickets.callback.Callbacks;
import io.supportsuite.tickets.config.TicketsConfig;
import io.supportsuite.tickets.service.TicketEvents;
import io.supportsuite.tickets.ticket.Ticket;
import io.supportsuite.tickets.timeline.Timeline.Actor;

/**
 * Auto-assignment: waiting tickets (live, unassigned, with a team or a VIP's personal agent) go to available
 * agents by {@link Assignment}. Fair under concurrency: every transaction that assigns first locks the rows
 * of all agents it may use (in id order, one statement), then counts their live tickets — so two consumers or
 * instances never both see room for the same last slot. Each assignment is a {@code ticket.assigned} in the
 * outbox and a timeline line. New tickets are offered right after they are stored; a job offers the queue
 * again every {@code tickets.routing.check-every} (an agent came back or freed room, a restart in between).
 */
@ApplicationScoped
public class Router {

    private static final String LIVE = "t.status NOT IN ('solved', 'closed')";
    private static final String WAITING = "SELECT t.id, t.team_id, t.channel, c.locale, c.personal_agent_id FROM ticket t "
            + "JOIN customer c ON c.id = t.customer_id WHERE t.assignee_id IS NULL AND " + LIVE
            // Only tickets someone available could take: the rest must not crowd them out of a round.
            + " AND (EXISTS (SELECT 1 FROM agent_team x JOIN agent a ON a.id = x.agent_id WHERE x.team_id = t.team_id AND a.available)"
            + " OR EXISTS (SELECT 1 FROM agent a WHERE a.id = c.personal_agent_id AND a.available)) %s "
            + "ORDER BY CASE t.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END, t.number "
            + "LIMIT :limit FOR UPDATE OF t SKIP LOCKED";
    private static final int QUEUE_BATCH = 200;
    private static final UUID NONE = new UUID(0, 0);

    private final TicketEvents events;
    private final Callbacks callbacks;
    private final SchemaMigrator migrator;
    private final TicketsConfig config;
    private final Clock clock;

    public Router(TicketEvents events, Callbacks callbacks, SchemaMigrator migrator, TicketsConfig config, Clock clock) {
        this.events = events;
        this.callbacks = callbacks;
        this.migrator = migrator;
        this.config = config;
        this.clock = clock;
    }

    /** Offers these tickets, just stored, to the agents, in a transaction of its own; answers how many were assigned. */
    public Uni<Integer> route(List<UUID> ticketIds) {
        return ticketIds.isEmpty() ? Uni.createFrom().item(0) : Panache.withTransaction(() -> routeNow(ticketIds));
    }

    /** As {@link #route}, in the caller's transaction. */
    public Uni<Integer> routeNow(List<UUID> ticketIds) {
        return claim(" AND t.id IN (:ids)", ticketIds).chain(this::assign);
    }

    @Scheduled(identity = "routing-queue", every = "${tickets.routing.check-every:PT5S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> offerQueue() {
        if (!migrator.isMigrated()) {
            return Uni.createFrom().voidItem();
        }
        return drain().onFailure().invoke(e -> Log.warnf("Routing round failed, the next one retries: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Offers the whole queue, most urgent first, while agents take tickets; answers how many were assigned. */
    public Uni<Integer> drain() {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("SELECT count(*) FROM agent WHERE available", Long.class).getSingleResult())
                .chain(available -> available == 0 ? Uni.createFrom().item(0) : claim("", null).chain(this::assign)))
                .chain(assigned -> assigned == 0 ? Uni.createFrom().item(0) : drain().map(more -> assigned + more));
    }

    /** Waiting tickets, locked (skipping those another transaction holds), most urgent first. */
    private Uni<List<Assignment.Waiting>> claim(String filter, List<UUID> ids) {
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(WAITING.formatted(filter), Object[].class).setParameter("limit", QUEUE_BATCH);
            if (ids != null) {
                query.setParameter("ids", ids);
            }
            return query.getResultList();
        }).map(rows -> rows.stream().map(r -> new Assignment.Waiting((UUID) r[0], (UUID) r[1], (String) r[2],
                r[3] != null ? (String) r[3] : config.customer().locale(), (UUID) r[4])).toList());
    }

    private Uni<Integer> assign(List<Assignment.Waiting> waiting) {
        if (waiting.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Set<UUID> teams = new HashSet<>(), personal = new HashSet<>();
        waiting.forEach(w -> {
            if (w.teamId() != null) {
                teams.add(w.teamId());
            }
            if (w.personalAgentId() != null) {
                personal.add(w.personalAgentId());
            }
        });
        return candidates(teams, personal).chain(agents -> {
            Map<UUID, UUID> plan = Assignment.plan(waiting, agents, config.routing().maxTicketsPerAgent());
            return plan.isEmpty() ? Uni.createFrom().item(0) : apply(plan).replaceWith(plan.size());
        });
    }

    /** Locks the available agents who may take these tickets, then reads their load, teams and skills. */
    private static Uni<List<Assignment.Candidate>> candidates(Set<UUID> teams, Set<UUID> personal) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT a.id FROM agent a WHERE a.available AND (a.id IN (:personal) "
                + "OR a.id IN (SELECT x.agent_id FROM agent_team x WHERE x.team_id IN (:teams))) ORDER BY a.id FOR UPDATE", UUID.class)
                .setParameter("personal", orNone(personal)).setParameter("teams", orNone(teams)).getResultList()
                // A statement after the lock sees every assignment committed before it: the load is current.
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Object[]>of()) : s.createNativeQuery(
                        "SELECT a.id, (SELECT count(*) FROM ticket t WHERE t.assignee_id = a.id AND " + LIVE + "), "
                                + "(SELECT string_agg(x.team_id::text, ',') FROM agent_team x WHERE x.agent_id = a.id), "
                                + "(SELECT string_agg(k.value, ',') FROM agent_skill k WHERE k.agent_id = a.id AND k.kind = 'channel'), "
                                + "(SELECT string_agg(k.value, ',') FROM agent_skill k WHERE k.agent_id = a.id AND k.kind = 'language') "
                                + "FROM agent a WHERE a.id IN (:ids)", Object[].class)
                        .setParameter("ids", ids).getResultList()))
                .map(rows -> rows.stream().map(r -> new Assignment.Candidate((UUID) r[0], ((Number) r[1]).intValue(),
                        split((String) r[2]).stream().map(UUID::fromString).collect(java.util.stream.Collectors.toSet()),
                        split((String) r[3]), split((String) r[4]))).toList());
    }

    private Uni<Void> apply(Map<UUID, UUID> plan) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Ticket.<Ticket>list("id in ?1", new ArrayList<>(plan.keySet())) // locked by the claim
                .chain(tickets -> Agent.<Agent>list("id in ?1", new ArrayList<>(new HashSet<>(plan.values())))
                        .chain(agents -> teamNames(tickets).chain(teamNames -> {
                            Map<UUID, Agent> byId = new HashMap<>();
                            agents.forEach(a -> byId.put(a.id, a));
                            Uni<Void> work = Uni.createFrom().voidItem();
                            for (Ticket ticket : tickets) {
                                Agent agent = byId.get(plan.get(ticket.id));
                                work = work.chain(() -> {
                                    ticket.assigneeId = agent.id;
                                    ticket.updatedAt = now;
                                    Log.infof("Ticket #%d %s assigned to %s", ticket.number, ticket.id, agent.username);
                                    return events.assigned(ticket, teamNames.get(ticket.teamId), agent.name, Actor.SYSTEM, now)
                                            .chain(() -> callbacks.adopt(ticket.id, agent.id, now));
                                });
                            }
                            return work;
                        })));
    }

    private static Uni<Map<UUID, String>> teamNames(List<Ticket> tickets) {
        List<UUID> ids = tickets.stream().map(t -> t.teamId).filter(id -> id != null).distinct().toList();
        Map<UUID, String> names = new HashMap<>();
        return ids.isEmpty() ? Uni.createFrom().item(names) : Team.<Team>list("id in ?1", ids).map(teams -> {
            teams.forEach(t -> names.put(t.id, t.name));
            return names;
        });
    }

    private static Set<String> split(String joined) {
        return joined == null || joined.isEmpty() ? Set.of() : Set.of(joined.split(","));
    }

    private static List<UUID> orNone(Set<UUID> ids) {
        return ids.isEmpty() ? List.of(NONE) : new ArrayList<>(ids);
    }
}
