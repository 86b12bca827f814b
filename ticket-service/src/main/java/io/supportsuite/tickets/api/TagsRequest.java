package io.supportsuite.tickets.api;

import java.util.List;

/** The ticket's tags after the change (replaces them all). */
public record TagsRequest(List<String> tags) {
}
