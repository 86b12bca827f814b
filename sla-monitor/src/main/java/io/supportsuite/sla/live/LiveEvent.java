package io.supportsuite.sla.live;

import java.time.Instant;

/**
 * One {@code support.sla.v1} event as the live stream sends it: what happened ({@code started},
 * {@code paused}, {@code resumed}, {@code warning}, {@code breached}, {@code met}) to which clock, and when.
 */
public record LiveEvent(String id, String type, String ticketId, String clockId, String kind, String policy,
        String channel, String priority, Instant deadline, Integer stagePercent, Long elapsedSeconds,
        Long budgetSeconds, Instant at) {
}
