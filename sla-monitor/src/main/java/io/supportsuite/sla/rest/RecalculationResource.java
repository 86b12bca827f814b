package io.supportsuite.sla.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.supportsuite.sla.service.Recalculation;

/** Admin only: puts running clocks under the current policies, recording each change's before and after. */
@Path("/api/sla/clocks/recalculate")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class RecalculationResource {

    private final Recalculation recalculation;
    private final SecurityIdentity identity;

    public RecalculationResource(Recalculation recalculation, SecurityIdentity identity) {
        this.recalculation = recalculation;
        this.identity = identity;
    }

    @POST
    @WithTransaction
    public Uni<List<Recalculation.Change>> recalculate() {
        return recalculation.recalculateLive(identity.getPrincipal().getName());
    }
}
