package io.supportsuite.tickets.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The console's log-out: the form login's session lives in a cookie, so logging out is expiring it. */
@Path("/api/logout")
@Tag(name = "Agents and teams")
public class SessionResource {

    private final String cookie;

    public SessionResource(@ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential") String cookie) {
        this.cookie = cookie;
    }

    @POST
    @PermitAll
    @Operation(summary = "Log out of the console", description = "Expires the session cookie of the form login.")
    @APIResponse(responseCode = "204", description = "Logged out")
    public Response logout() {
        return Response.noContent().cookie(new NewCookie.Builder(cookie).value("").path("/").maxAge(0).httpOnly(true).build()).build();
    }
}
