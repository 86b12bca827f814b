package io.supportsuite.notifications.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.supportsuite.events.agent.AgentChanged;
import io.supportsuite.notifications.agent.AgentContact;

/**
 * Agents' addresses, kept from ticket-service's {@code agent.changed} (it owns agents; this service reads no other
 * service's tables). A change older than the one kept changes nothing, so a redelivered or reordered event is harmless.
 */
@ApplicationScoped
public class AgentDirectory {

    public Uni<Void> changed(AgentChanged changed) {
        if (changed.agentId() == null || changed.changedAt() == null) {
            return Uni.createFrom().voidItem();
        }
        return AgentContact.<AgentContact>findById(changed.agentId()).chain(known -> {
            if (known != null && !changed.changedAt().isAfter(known.changedAt)) {
                return Uni.createFrom().voidItem();
            }
            AgentContact agent = known == null ? new AgentContact() : known;
            agent.agentId = changed.agentId();
            agent.name = changed.name();
            agent.email = changed.email();
            agent.active = changed.active();
            agent.changedAt = changed.changedAt();
            return known == null ? agent.persist().replaceWithVoid() : Uni.createFrom().voidItem();
        });
    }

    /** The agent's own e-mail address, or null when this service knows none (their notices go to the agent sink). */
    public Uni<String> mailbox(String agentId) {
        if (agentId == null) {
            return Uni.createFrom().nullItem();
        }
        return AgentContact.<AgentContact>findById(agentId).map(agent -> agent == null ? null : agent.mailbox());
    }
}
