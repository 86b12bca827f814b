package io.supportsuite.tickets.rest;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.supportsuite.runtime.problem.Problem;
import io.supportsuite.runtime.problem.ProblemMappers;

/** 401 and 403 as application/problem+json like every other error; a 401 asks for HTTP Basic credentials. */
public class SecurityProblems {

    static final String CHALLENGE = "Basic realm=\"support-suite\"";

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(Exception e) {
        return Response.fromResponse(ProblemMappers.respond(new Problem(Problem.type("unauthenticated"), "Unauthenticated", 401,
                "Log in with an agent's username and password (HTTP Basic)", List.of())))
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ProblemMappers.respond(new Problem(Problem.type("forbidden"), "Forbidden", 403,
                e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : "Your role does not allow this", List.of()));
    }
}
