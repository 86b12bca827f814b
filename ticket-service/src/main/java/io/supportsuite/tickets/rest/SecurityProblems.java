package io.supportsuite.tickets.rest;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.supportsuite.runtime.problem.Problem;
import io.supportsuite.runtime.problem.ProblemMappers;
import io.vertx.core.http.HttpServerRequest;

/**
 * 401 and 403 as application/problem+json like every other error; a 401 asks for HTTP Basic credentials, except
 * from the console's scripts (X-Requested-With, or an EventSource asking for text/event-stream), which log in with the
 * form instead of the browser's Basic dialog.
 * A failed login through the console's form goes back to the form's error page.
 */
public class SecurityProblems {

    static final String CHALLENGE = "Basic realm=\"support-suite\"";
    static final String SCRIPT = "X-Requested-With";

    private final String formPost;
    private final URI formError;

    public SecurityProblems(@ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check") String formPost,
            @ConfigProperty(name = "quarkus.http.auth.form.error-page", defaultValue = "/console/login.html?error=1") String formError) {
        this.formPost = formPost;
        this.formError = URI.create(formError);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(Exception e, HttpHeaders headers, HttpServerRequest request) {
        if (formPost.equals(request.path())) {
            return Response.seeOther(formError).build();
        }
        Response.ResponseBuilder problem = Response.fromResponse(ProblemMappers.respond(new Problem(Problem.type("unauthenticated"),
                "Unauthenticated", 401, "Log in with an agent's username and password (HTTP Basic)", List.of())));
        boolean browserScript = headers.getHeaderString(SCRIPT) != null
                || headers.getAcceptableMediaTypes().stream().anyMatch(t -> MediaType.SERVER_SENT_EVENTS.equals(t.getType() + "/" + t.getSubtype()));
        return (browserScript ? problem : problem.header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ProblemMappers.respond(new Problem(Problem.type("forbidden"), "Forbidden", 403,
                e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : "Your role does not allow this", List.of()));
    }
}
