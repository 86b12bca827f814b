package io.supportsuite.tickets.api;

import java.time.Instant;
import java.util.List;

/** A merge of {@code sourceId} into {@code targetId} (C2) with exactly what it moved; {@code undoneAt} once reversed. */
public record CustomerMergeView(String id, String sourceId, String targetId, List<String> ticketIds, List<String> identityIds, String mergedBy,
        Instant mergedAt, String undoneBy, Instant undoneAt) {
}
