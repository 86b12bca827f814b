package io.supportsuite.tickets.api;

/** Merge this customer into {@code into}, the customer kept. */
public record CustomerMergeRequest(String into) {
}
