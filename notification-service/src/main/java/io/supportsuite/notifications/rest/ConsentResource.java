package io.supportsuite.notifications.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.supportsuite.notifications.service.Consents;

/** A customer's consent history (N6): every opt-out and re-subscribe, oldest first, for audits. */
@Path("/api/consents/{customerId}")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentResource {

    private final Consents consents;

    public ConsentResource(Consents consents) {
        this.consents = consents;
    }

    @GET
    @WithSession
    public Uni<List<Consents.AuditEntry>> history(@PathParam("customerId") String customerId) {
        return consents.history(customerId);
    }
}
