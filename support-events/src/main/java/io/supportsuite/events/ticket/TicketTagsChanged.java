package io.supportsuite.events.ticket;

import java.time.Instant;
import java.util.List;

/** {@code support.ticket.tags.changed.v1}: the ticket's tags now, and what was added and removed. */
public record TicketTagsChanged(String ticketId, List<String> tags, List<String> added, List<String> removed, String actor,
        Instant changedAt) {
}
