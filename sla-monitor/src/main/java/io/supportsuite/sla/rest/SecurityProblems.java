package io.supportsuite.sla.rest;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.supportsuite.runtime.problem.Problem;
import io.supportsuite.runtime.problem.ProblemMappers;
import io.vertx.core.http.HttpServerRequest;

/** The management API's refusals as problem+json, like every other error; a failed form login goes back to the form. */
public class SecurityProblems {

    private static final String CHALLENGE = "Basic realm=\"sla-monitor\"";
    /** The dashboard's own calls: a Basic challenge would pop up the browser's dialog over its login page. */
    private static final String FORM_CHALLENGE = "Form realm=\"sla-monitor\"";
    private static final String FORM_POST = "/j_security_check";

    private final String formErrorPage;

    public SecurityProblems(@ConfigProperty(name = "quarkus.http.auth.form.error-page") String formErrorPage) {
        this.formErrorPage = formErrorPage;
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e, HttpServerRequest request) {
        if (FORM_POST.equals(request.path())) {
            return Response.seeOther(URI.create(formErrorPage)).build();
        }
        Response problem = ProblemMappers.respond(new Problem(Problem.type("unauthorized"), "Unauthorized", 401,
                "Sign in as a supervisor or an admin (HTTP Basic, or the dashboard's login form)", List.of()));
        boolean dashboard = request.getHeader("X-Requested-With") != null;
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, dashboard ? FORM_CHALLENGE : CHALLENGE)
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ProblemMappers.respond(new Problem(Problem.type("forbidden"), "Forbidden", 403,
                "The ops views, policies and calendars are for supervisors and admins; recalculating running clocks for admins",
                List.of()));
    }
}
