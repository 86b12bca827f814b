package io.supportsuite.sla.policy;

/** What a policy matches a ticket on (R6: the customer segment); any of them may be null. */
public record TicketFacts(String channel, String priority, String segment, String team) {
}
