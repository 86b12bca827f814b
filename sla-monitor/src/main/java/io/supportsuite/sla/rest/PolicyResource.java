package io.supportsuite.sla.rest;

import java.time.Clock;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.supportsuite.runtime.problem.ProblemException;
import io.supportsuite.sla.config.SlaConfig;
import io.supportsuite.sla.policy.CalendarDefinition;
import io.supportsuite.sla.policy.CalendarRow;
import io.supportsuite.sla.policy.PolicyRow;
import io.supportsuite.sla.policy.PolicySeeder;

/**
 * SLA policies (R1, R4, R6), for supervisors and admins. A change applies to clocks started afterwards;
 * running clocks change only through {@link RecalculationResource}.
 */
@Path("/api/sla/policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
public class PolicyResource {

    private final PolicySeeder seeder;
    private final SlaConfig config;
    private final Clock clock;

    public PolicyResource(PolicySeeder seeder, SlaConfig config, Clock clock) {
        this.seeder = seeder;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @WithSession
    public Uni<List<PolicyDocument>> list() {
        return seeder.seeded().chain(() -> PolicyRow.<PolicyRow>list("order by rank, name"))
                .map(rows -> rows.stream().map(r -> PolicyDocument.of(r.toPolicy())).toList());
    }

    @GET
    @Path("{name}")
    @WithSession
    public Uni<PolicyDocument> get(@PathParam("name") String name) {
        return seeder.seeded().chain(() -> PolicyRow.<PolicyRow>findById(name))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Policy", name))
                .map(row -> PolicyDocument.of(row.toPolicy()));
    }

    /** Creates or replaces a policy; its calendar must exist. */
    @PUT
    @Path("{name}")
    @WithTransaction
    public Uni<PolicyDocument> put(@PathParam("name") String name, PolicyDocument document) {
        if (document == null) {
            throw ProblemException.invalidField("body", "a policy document is required");
        }
        var policy = document.toPolicy(name, config.warningPercents());
        Uni<Boolean> calendarExists = CalendarDefinition.CALENDAR_TIME.equals(policy.calendar())
                ? Uni.createFrom().item(true)
                : CalendarRow.findById(policy.calendar()).map(row -> row != null);
        return seeder.seeded().chain(() -> calendarExists).chain(exists -> {
            if (!exists) {
                return Uni.createFrom().failure(ProblemException.invalidField("calendar",
                        "no calendar named " + policy.calendar() + " (or 'calendar' for calendar time)"));
            }
            return PolicyRow.<PolicyRow>findById(name)
                    .chain(row -> row == null ? new PolicyRow().take(policy, clock.instant()).persist()
                            : Uni.createFrom().item(row.take(policy, clock.instant())))
                    .replaceWith(PolicyDocument.of(policy));
        });
    }

    /** Deletes a policy; the default policy stays, so every ticket keeps a first-response promise (R1). */
    @DELETE
    @Path("{name}")
    @WithTransaction
    public Uni<Void> delete(@PathParam("name") String name) {
        if (PolicySeeder.DEFAULT.equals(name)) {
            throw ProblemException.conflict("policy-required", "The default policy keeps R1 for every ticket; change it instead");
        }
        return seeder.seeded().chain(() -> PolicyRow.deleteById(name)).chain(deleted -> deleted
                ? Uni.createFrom().voidItem() : Uni.createFrom().failure(ProblemException.notFound("Policy", name)));
    }
}
