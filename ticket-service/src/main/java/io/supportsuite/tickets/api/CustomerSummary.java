package io.supportsuite.tickets.api;

/** The customer as the agent console shows it next to a ticket. */
public record CustomerSummary(String id, String name, String email) {
}
