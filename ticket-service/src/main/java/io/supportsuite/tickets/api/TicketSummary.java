package io.supportsuite.tickets.api;

import java.time.Instant;
import java.util.List;

/**
 * A ticket in the queue: who works it ({@code assigneeId}, {@code teamId}), its tags, the supervisor it was escalated
 * to (C6), the ticket it was merged into, and its SLA standing.
 */
public record TicketSummary(String id, long number, String subject, String status, String priority, String channel,
        CustomerSummary customer, Instant createdAt, Instant updatedAt, Instant firstRespondedAt, SlaView sla, String assigneeId,
        String teamId, List<String> tags, String escalatedTo, String mergedInto) {
}
