package io.supportsuite.tickets.api;

import java.time.Instant;

/** A ticket in the queue. */
public record TicketSummary(String id, long number, String subject, String status, String priority, String channel,
        CustomerSummary customer, Instant createdAt, Instant updatedAt, Instant firstRespondedAt, SlaView sla) {
}
