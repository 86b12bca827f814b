package io.supportsuite.tickets.api;

/** {@code {"into": the id of the ticket that keeps both transcripts}}. */
public record MergeRequest(String into) {
}
