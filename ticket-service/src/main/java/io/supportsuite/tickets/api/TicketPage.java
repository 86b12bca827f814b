package io.supportsuite.tickets.api;

import java.util.List;

/** One page of the queue, newest first; {@code nextBefore} is the cursor of the next page (null on the last). */
public record TicketPage(List<TicketSummary> items, Long nextBefore) {
}
