package io.supportsuite.tickets.api;

import java.util.List;

/** Creates or updates an agent; on update a blank password keeps the old one and the username cannot change. */
public record AgentRequest(String username, String name, String email, String password, String role, List<String> teamIds) {
}
