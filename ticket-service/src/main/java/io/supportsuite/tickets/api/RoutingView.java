package io.supportsuite.tickets.api;

import java.util.List;

/** An agent's routing: whether they take tickets, their skills (none of a kind: any), live tickets held and the cap. */
public record RoutingView(String agentId, boolean available, List<String> channels, List<String> languages, long load, int cap) {
}
