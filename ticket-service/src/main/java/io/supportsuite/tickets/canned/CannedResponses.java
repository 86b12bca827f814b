package io.supportsuite.tickets.canned;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.supportsuite.runtime.problem.ProblemException;
import io.supportsuite.tickets.agent.Team;
import io.supportsuite.tickets.api.CannedResponseView;
import io.supportsuite.tickets.service.Problems;

/** Canned responses: create, read, update, delete. */
@ApplicationScoped
public class CannedResponses {

    private static final int MAX_BODY = 65536;

    private final Clock clock;

    public CannedResponses(Clock clock) {
        this.clock = clock;
    }

    public Uni<List<CannedResponseView>> list() {
        return Panache.withSession(() -> CannedResponse.<CannedResponse>list("order by title").map(l -> l.stream().map(CannedResponses::view).toList()));
    }

    public Uni<CannedResponseView> get(UUID id) {
        return Panache.withSession(() -> CannedResponse.<CannedResponse>findById(id).map(c -> c == null ? null : view(c)));
    }

    /** Creates when {@code id} is null; null when there is no such canned response to update. */
    public Uni<CannedResponseView> save(UUID id, CannedResponseView request) {
        Problems.validate().check(request != null && !Problems.blank(request.title()), "title", "must not be blank")
                .check(request != null && !Problems.blank(request.body()) && request.body().length() <= MAX_BODY, "body",
                        "must not be blank, at most " + MAX_BODY + " characters")
                .orFail();
        UUID team = Problems.optionalId(request.teamId(), "teamId");
        return Panache.withTransaction(() -> (team == null ? Uni.createFrom().item(true) : Team.findById(team).map(t -> t != null))
                .chain(teamExists -> {
                    if (!teamExists) {
                        throw ProblemException.invalidField("teamId", "no such team");
                    }
                    return id == null ? Uni.createFrom().item(created()) : CannedResponse.<CannedResponse>findById(id);
                })
                .chain(c -> {
                    if (c == null) {
                        return Uni.createFrom().<CannedResponseView>nullItem();
                    }
                    c.title = request.title().trim();
                    c.body = request.body();
                    c.teamId = team;
                    c.updatedAt = clock.instant();
                    return c.<CannedResponse>persist().map(CannedResponses::view);
                }));
    }

    public Uni<Boolean> delete(UUID id) {
        return Panache.withTransaction(() -> CannedResponse.deleteById(id));
    }

    private CannedResponse created() {
        CannedResponse c = new CannedResponse();
        c.id = UUID.randomUUID();
        c.createdAt = clock.instant();
        return c;
    }

    private static CannedResponseView view(CannedResponse c) {
        return new CannedResponseView(c.id.toString(), c.title, c.body, c.teamId == null ? null : c.teamId.toString());
    }
}
