package io.supportsuite.tickets.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.supportsuite.runtime.problem.ProblemException;
import io.supportsuite.tickets.agent.Agent;
import io.supportsuite.tickets.api.CustomerMergeRequest;
import io.supportsuite.tickets.api.CustomerMergeView;
import io.supportsuite.tickets.api.CustomerRequest;
import io.supportsuite.tickets.api.CustomerView;
import io.supportsuite.tickets.api.IdentityRequest;
import io.supportsuite.tickets.customer.CustomerMerges;
import io.supportsuite.tickets.customer.Customers;
import io.supportsuite.tickets.service.Problems;

/** Customers (C2): identities linked to one customer; merges recorded and reversible (supervisors and admins); VIP segment (R6). */
@Path("/api/customers")
@Tag(name = "Customers", description = "One customer, one history (C2): identities, merge and un-merge, segment and personal agent (R6)")
@SecurityRequirement(name = "basic")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Not logged in")
public class CustomerResource {

    private final Customers customers;
    private final CustomerMerges merges;

    public CustomerResource(Customers customers, CustomerMerges merges) {
        this.customers = customers;
        this.merges = merges;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Agent.AGENT, Agent.SUPERVISOR, Agent.ADMIN })
    @Operation(summary = "A customer with their identities")
    @APIResponse(responseCode = "404", description = "No such customer")
    public Uni<CustomerView> get(@PathParam("id") String id) {
        UUID customerId = Problems.pathId(id);
        return customers.get(customerId).onItem().ifNull().failWith(() -> ProblemException.notFound("Customer", customerId));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Agent.SUPERVISOR, Agent.ADMIN })
    @Operation(summary = "Change name, segment (standard, vip) and personal agent", description = "R6: a VIP's tickets are high and go "
            + "to their personal agent first when available.")
    @APIResponse(responseCode = "403", description = "Not a supervisor or admin")
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "422", description = "Unknown segment or agent")
    public Uni<CustomerView> update(@PathParam("id") String id, CustomerRequest request) {
        UUID customerId = Problems.pathId(id);
        return customers.update(customerId, request).onItem().ifNull().failWith(() -> ProblemException.notFound("Customer", customerId));
    }

    @POST
    @Path("/{id}/identities")
    @RolesAllowed({ Agent.AGENT, Agent.SUPERVISOR, Agent.ADMIN })
    @Operation(summary = "Link an identity", description = "E-mail lower-cased, phone in E.164 (C2).")
    @APIResponse(responseCode = "201", description = "The customer with the identity")
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "409", description = "Another customer has the identity (merge them), or this one was merged")
    @APIResponse(responseCode = "422", description = "kind or value missing, or not a phone number")
    public Uni<Response> link(@PathParam("id") String id, IdentityRequest request) {
        UUID customerId = Problems.pathId(id);
        return customers.link(customerId, request).onItem().ifNull().failWith(() -> ProblemException.notFound("Customer", customerId))
                .map(c -> Response.status(Response.Status.CREATED).entity(c).build());
    }

    @POST
    @Path("/{id}/merge")
    @RolesAllowed({ Agent.SUPERVISOR, Agent.ADMIN })
    @Operation(summary = "Merge this customer into another", description = "Tickets and identities move to the customer kept; the "
            + "merge is recorded with what it moved and can be undone.")
    @APIResponse(responseCode = "200", description = "The merge")
    @APIResponse(responseCode = "403", description = "Not a supervisor or admin")
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "409", description = "One of them was merged already")
    @APIResponse(responseCode = "422", description = "into missing, the same customer, or no such customer")
    public Uni<CustomerMergeView> merge(@PathParam("id") String id, CustomerMergeRequest request) {
        return merges.merge(Problems.pathId(id), request == null ? null : request.into());
    }

    @GET
    @Path("/{id}/merges")
    @RolesAllowed({ Agent.AGENT, Agent.SUPERVISOR, Agent.ADMIN })
    @Operation(summary = "The merges a customer took part in, newest first")
    public Uni<List<CustomerMergeView>> merges(@PathParam("id") String id) {
        return merges.of(Problems.pathId(id));
    }

    @POST
    @Path("/merges/{mergeId}/undo")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Agent.SUPERVISOR, Agent.ADMIN })
    @Operation(summary = "Undo a merge", description = "Moves back exactly the tickets and identities it moved.")
    @APIResponse(responseCode = "200", description = "The merge, undone")
    @APIResponse(responseCode = "403", description = "Not a supervisor or admin")
    @APIResponse(responseCode = "404", description = "No such merge")
    @APIResponse(responseCode = "409", description = "Undone before, or the kept customer was merged on since")
    public Uni<CustomerMergeView> undo(@PathParam("mergeId") String mergeId) {
        return merges.undo(Problems.pathId(mergeId));
    }
}
