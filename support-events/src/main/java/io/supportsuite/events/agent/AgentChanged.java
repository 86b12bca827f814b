package io.supportsuite.events.agent;

import java.time.Instant;

/**
 * {@code support.agent.changed.v1}, published by ticket-service (which owns agents) on {@code support.tickets.v1},
 * keyed by agent id: an agent's name and e-mail address as they are now; {@code active} is false once the agent is
 * deleted. Other services keep their own directory of agents from it (notification-service mails agents' notices).
 */
public record AgentChanged(String agentId, String name, String email, boolean active, Instant changedAt) {
}
