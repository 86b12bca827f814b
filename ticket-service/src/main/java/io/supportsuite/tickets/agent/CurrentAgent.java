package io.supportsuite.tickets.agent;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.supportsuite.runtime.problem.ProblemException;
import io.supportsuite.tickets.timeline.Timeline.Actor;

/** The agent who made the request (HTTP Basic, checked against the agent table); inside the caller's session. */
@RequestScoped
public class CurrentAgent {

    private final SecurityIdentity identity;

    public CurrentAgent(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Uni<Agent> agent() {
        if (identity == null || identity.isAnonymous()) {
            return Uni.createFrom().failure(new ProblemException(401, "unauthenticated", "Unauthenticated", "Log in first"));
        }
        String username = identity.getPrincipal().getName();
        return Agent.<Agent>find("username", username).firstResult().onItem().ifNull()
                .failWith(() -> new ProblemException(401, "unauthenticated", "Unauthenticated", "No agent " + username));
    }

    public static Actor actor(Agent agent) {
        return new Actor(agent.id.toString(), agent.name);
    }
}
