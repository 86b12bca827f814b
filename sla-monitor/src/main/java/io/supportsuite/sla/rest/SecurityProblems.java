package io.supportsuite.sla.rest;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.supportsuite.runtime.problem.Problem;
import io.supportsuite.runtime.problem.ProblemMappers;

/** The management API's refusals as problem+json, like every other error. */
public class SecurityProblems {

    private static final String CHALLENGE = "Basic realm=\"sla-monitor\"";

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e) {
        Response problem = ProblemMappers.respond(new Problem(Problem.type("unauthorized"), "Unauthorized", 401,
                "Sign in as a supervisor or an admin (HTTP Basic)", List.of()));
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ProblemMappers.respond(new Problem(Problem.type("forbidden"), "Forbidden", 403,
                "Policies and calendars are for supervisors and admins; recalculating running clocks for admins", List.of()));
    }
}
