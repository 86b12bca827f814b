package io.supportsuite.sla.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;

/** Who is signed in to the ops dashboard, and signing out (the form login's cookie is dropped). */
@Path("/api/sla/session")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
public class SessionResource {

    public record Session(String user, List<String> roles) {
    }

    private final SecurityIdentity identity;

    public SessionResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    public Session session() {
        return new Session(identity.getPrincipal().getName(), identity.getRoles().stream().sorted().toList());
    }

    @POST
    @Path("logout")
    public Response logout() {
        FormAuthenticationMechanism.logout(identity);
        return Response.noContent().build();
    }
}
