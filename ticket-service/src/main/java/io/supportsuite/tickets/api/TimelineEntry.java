package io.supportsuite.tickets.api;

import java.time.Instant;
import java.util.Map;

/**
 * One line of a ticket's timeline (C7), oldest first: {@code kind} message (from the customer), reply (public,
 * from an agent), note (internal), status_changed, assigned, priority_changed, tags_changed, escalated, merged,
 * or the SLA event received (sla.clock.started, sla.clock.paused, sla.clock.resumed, sla.warning, sla.breached,
 * sla.met). {@code details} holds what the kind needs (from, to, reason, clock, deadline, stagePercent, ...).
 */
public record TimelineEntry(String id, String kind, Instant at, String actorId, String actor, String text,
        Map<String, Object> details) {
}
