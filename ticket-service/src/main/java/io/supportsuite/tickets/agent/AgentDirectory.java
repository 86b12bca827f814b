package io.supportsuite.tickets.agent;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.agent.AgentChanged;
import io.supportsuite.runtime.outbox.Outbox;
import io.supportsuite.runtime.problem.ProblemException;
import io.supportsuite.tickets.api.AgentRequest;
import io.supportsuite.tickets.api.AgentView;
import io.supportsuite.tickets.api.TeamView;
import io.supportsuite.tickets.service.Problems;

/**
 * Agents and teams: who may log in, with which role, in which teams. Only an admin makes or changes an admin. Every
 * change to an agent is announced ({@code agent.changed}: name, e-mail, still there or not) in its transaction, so
 * other services keep their own directory (notification-service mails an agent's notices to their address).
 */
@ApplicationScoped
public class AgentDirectory {

    private static final int MIN_PASSWORD = 8;

    private final CurrentAgent current;
    private final Outbox outbox;
    private final Clock clock;

    public AgentDirectory(CurrentAgent current, Outbox outbox, Clock clock) {
        this.current = current;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<List<AgentView>> agents() {
        return Panache.withSession(() -> Agent.<Agent>list("order by username").chain(this::views));
    }

    public Uni<AgentView> agent(UUID id) {
        return Panache.withSession(() -> Agent.<Agent>findById(id).chain(a -> a == null ? Uni.createFrom().nullItem()
                : views(List.of(a)).map(list -> list.get(0))));
    }

    public Uni<AgentView> me() {
        return Panache.withSession(() -> current.agent().chain(a -> views(List.of(a)).map(list -> list.get(0))));
    }

    public Uni<AgentView> create(AgentRequest request) {
        Agent.Role role = validate(request, true);
        List<UUID> teams = teamIds(request);
        return Panache.withTransaction(() -> current.agent().chain(me -> {
            mayGrant(me, role);
            return Agent.count("username", request.username().trim()).chain(n -> {
                if (n > 0) {
                    throw ProblemException.conflict("username-taken", "An agent '" + request.username().trim() + "' exists");
                }
                Agent agent = new Agent();
                agent.id = UUID.randomUUID();
                agent.username = request.username().trim();
                agent.createdAt = clock.instant();
                apply(agent, request, role);
                return agent.persistAndFlush().chain(() -> setTeams(agent.id, teams)).chain(() -> announce(agent, true))
                        .chain(() -> views(List.of(agent)));
            });
        })).map(list -> list.get(0));
    }

    public Uni<AgentView> update(UUID id, AgentRequest request) {
        Agent.Role role = validate(request, false);
        List<UUID> teams = teamIds(request);
        return Panache.withTransaction(() -> current.agent().chain(me -> Agent.<Agent>findById(id).chain(agent -> {
            if (agent == null) {
                return Uni.createFrom().<List<AgentView>>nullItem();
            }
            mayGrant(me, Agent.Role.parse(agent.role).orElse(Agent.Role.ADMIN));
            mayGrant(me, role);
            apply(agent, request, role);
            return setTeams(agent.id, teams).chain(() -> announce(agent, true)).chain(() -> views(List.of(agent)));
        }))).map(list -> list == null ? null : list.get(0));
    }

    /** True when there was such an agent. */
    public Uni<Boolean> delete(UUID id) {
        return Panache.withTransaction(() -> current.agent().chain(me -> Agent.<Agent>findById(id).chain(agent -> {
            if (agent == null) {
                return Uni.createFrom().item(false);
            }
            mayGrant(me, Agent.Role.parse(agent.role).orElse(Agent.Role.ADMIN));
            if (agent.id.equals(me.id)) {
                throw ProblemException.conflict("self-delete", "An agent cannot delete themselves");
            }
            return agent.delete().chain(() -> announce(agent, false)).replaceWith(true);
        })));
    }

    /** {@code agent.changed} in the caller's transaction, keyed by agent id (its changes stay in order). */
    private Uni<Void> announce(Agent agent, boolean active) {
        String id = agent.id.toString();
        return outbox.append(Topics.TICKETS, id, EventTypes.AGENT_CHANGED, id,
                new AgentChanged(id, agent.name, agent.email, active, clock.instant())).replaceWithVoid();
    }

    public Uni<List<TeamView>> teams() {
        return Panache.withSession(() -> Team.<Team>list("order by name").map(list -> list.stream().map(AgentDirectory::view).toList()));
    }

    public Uni<TeamView> saveTeam(UUID id, String name) {
        Problems.validate().check(!Problems.blank(name), "name", "must not be blank").orFail();
        return Panache.withTransaction(() -> Team.count("name = ?1 and id <> ?2", name.trim(), id == null ? new UUID(0, 0) : id)
                .chain(n -> {
                    if (n > 0) {
                        throw ProblemException.conflict("team-name-taken", "A team '" + name.trim() + "' exists");
                    }
                    return id == null ? Uni.createFrom().item(newTeam()) : Team.<Team>findById(id);
                })
                .chain(team -> {
                    if (team == null) {
                        return Uni.createFrom().<TeamView>nullItem();
                    }
                    team.name = name.trim();
                    return team.<Team>persist().map(AgentDirectory::view);
                }));
    }

    public Uni<Boolean> deleteTeam(UUID id) {
        return Panache.withTransaction(() -> Team.deleteById(id));
    }

    private Team newTeam() {
        Team team = new Team();
        team.id = UUID.randomUUID();
        team.createdAt = clock.instant();
        return team;
    }

    private static TeamView view(Team t) {
        return new TeamView(t.id.toString(), t.name);
    }

    /** Supervisors manage agents and supervisors; only an admin grants or touches the admin role. */
    private static void mayGrant(Agent me, Agent.Role role) {
        if (role == Agent.Role.ADMIN && !Agent.ADMIN.equals(me.role)) {
            throw new ForbiddenException("Only an admin manages admins");
        }
    }

    private static void apply(Agent agent, AgentRequest request, Agent.Role role) {
        agent.name = request.name().trim();
        agent.email = Problems.blank(request.email()) ? null : request.email().trim();
        agent.role = role.wire();
        if (!Problems.blank(request.password())) {
            agent.passwordHash = BcryptUtil.bcryptHash(request.password());
        }
    }

    private static Agent.Role validate(AgentRequest request, boolean creating) {
        Problems.validate().check(request != null, "name", "must not be blank").orFail();
        Agent.Role role = Agent.Role.parse(request.role()).orElse(null);
        Problems.validate()
                .check(!creating || !Problems.blank(request.username()), "username", "must not be blank")
                .check(!Problems.blank(request.name()), "name", "must not be blank")
                .check(role != null, "role", "one of agent, supervisor, admin")
                .check(creating ? request.password() != null && request.password().length() >= MIN_PASSWORD
                        : Problems.blank(request.password()) || request.password().length() >= MIN_PASSWORD,
                        "password", "at least " + MIN_PASSWORD + " characters")
                .orFail();
        return role;
    }

    private static List<UUID> teamIds(AgentRequest request) {
        List<UUID> ids = new ArrayList<>();
        if (request != null && request.teamIds() != null) {
            request.teamIds().forEach(t -> ids.add(Problems.optionalId(t, "teamIds")));
        }
        return ids;
    }

    private static Uni<Void> setTeams(UUID agentId, List<UUID> teams) {
        return Team.count("id in ?1", teams.isEmpty() ? List.of(new UUID(0, 0)) : teams).chain(found -> {
            if (!teams.isEmpty() && found != teams.stream().distinct().count()) {
                throw ProblemException.invalidField("teamIds", "no such team");
            }
            Uni<Void> work = Panache.getSession().chain(s -> s.createNativeQuery("DELETE FROM agent_team WHERE agent_id = :a")
                    .setParameter("a", agentId).executeUpdate()).replaceWithVoid();
            for (UUID team : teams.stream().distinct().toList()) {
                work = work.chain(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "INSERT INTO agent_team (agent_id, team_id) VALUES (:a, :t)")
                        .setParameter("a", agentId).setParameter("t", team).executeUpdate())).replaceWithVoid();
            }
            return work;
        });
    }

    /** The agents with their team ids; in the caller's session. */
    Uni<List<AgentView>> views(List<Agent> agents) {
        if (agents.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return teamsOf(agents.stream().map(a -> a.id).toList()).map(teams -> agents.stream()
                .map(a -> new AgentView(a.id.toString(), a.username, a.name, a.email, a.role, teams.getOrDefault(a.id, List.of())))
                .toList());
    }

    /** Team ids of each agent; in the caller's session. */
    public static Uni<Map<UUID, List<String>>> teamsOf(List<UUID> agentIds) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT agent_id, team_id FROM agent_team WHERE agent_id IN (:ids) ORDER BY team_id", Object[].class)
                .setParameter("ids", agentIds).getResultList())
                .map(rows -> rows.stream().collect(Collectors.groupingBy(r -> (UUID) r[0],
                        Collectors.mapping(r -> r[1].toString(), Collectors.toList()))));
    }
}
