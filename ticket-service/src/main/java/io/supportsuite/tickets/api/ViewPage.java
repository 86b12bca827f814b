package io.supportsuite.tickets.api;

import java.util.List;

/** One page of a view, by SLA deadline (soonest first, tickets without one last); {@code next} is the next page's cursor. */
public record ViewPage(String view, List<TicketSummary> items, String next) {
}
