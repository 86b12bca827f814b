package io.supportsuite.tickets.api;

import java.util.List;

/** An agent as the console shows it (never the password). */
public record AgentView(String id, String username, String name, String email, String role, List<String> teamIds) {
}
