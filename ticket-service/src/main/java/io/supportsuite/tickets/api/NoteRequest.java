package io.supportsuite.tickets.api;

/** An internal note, never sent to the customer. */
public record NoteRequest(String text) {
}
