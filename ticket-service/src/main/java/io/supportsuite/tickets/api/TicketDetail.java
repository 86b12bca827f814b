package io.supportsuite.tickets.api;

import java.time.Instant;
import java.util.List;

/**
 * A ticket with its transcript ({@code messages}: customer messages and public replies, oldest first) and its
 * {@code timeline} (everything that happened, oldest first, C7). {@code followUpOf} links a follow-up to the
 * ticket it continues (C3); {@code csat} is the customer's satisfaction answer once given, {@code nps} their NPS
 * answer (0–10) to the survey sent after this ticket (N5).
 */
public record TicketDetail(String id, long number, String subject, String status, String priority, String channel,
        CustomerSummary customer, String followUpOf, Instant createdAt, Instant updatedAt, Instant firstRespondedAt,
        Instant solvedAt, Instant closedAt, SlaView sla, String assigneeId, String teamId, List<String> tags, String escalatedTo,
        String mergedInto, CsatView csat, CsatView nps, List<TranscriptEntry> messages, List<TimelineEntry> timeline) {
}
