package io.supportsuite.tickets.api;

import java.time.Instant;

/** A callback (R3) as the API shows it; {@code customer} is whom to call (kind, value, name). */
public record CallbackView(String id, String ticketId, String contactId, String source, String ownerId, String status, Instant dueAt,
        String outcome, CustomerContact customer, Instant createdAt, Instant updatedAt, Instant completedAt) {

    public record CustomerContact(String kind, String value, String name) {
    }
}
