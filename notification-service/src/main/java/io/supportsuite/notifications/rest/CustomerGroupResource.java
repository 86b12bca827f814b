package io.supportsuite.notifications.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.supportsuite.notifications.service.CustomerGroups;

/** Whom this service treats as one person with a customer (C2): the customer and every customer merged with them. */
@Path("/api/customers/{customerId}/group")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerGroupResource {

    private final CustomerGroups groups;

    public CustomerGroupResource(CustomerGroups groups) {
        this.groups = groups;
    }

    @GET
    @WithSession
    public Uni<List<String>> group(@PathParam("customerId") String customerId) {
        return groups.members(customerId);
    }
}
