package io.supportsuite.tickets.api;

/** Reschedule a callback ({@code dueAt}, ISO-8601, in the future; optionally a new {@code ownerId}) or complete it ({@code outcome}). */
public record CallbackRequest(String dueAt, String ownerId, String outcome) {
}
