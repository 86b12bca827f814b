package io.supportsuite.events.ticket;

import java.time.Instant;

/** {@code support.ticket.note.added.v1}: an internal note, never sent to the customer. */
public record TicketNoteAdded(String ticketId, String noteId, String agentId, Instant addedAt) {
}
