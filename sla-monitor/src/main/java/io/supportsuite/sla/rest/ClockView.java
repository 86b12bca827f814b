package io.supportsuite.sla.rest;

import java.time.Instant;
import java.util.List;

import io.supportsuite.sla.clock.SlaClock;

/** A clock as operators and other services' tests see it. */
public record ClockView(String clockId, String ticketId, String kind, String policy, String channel, String priority,
        String state, long budgetSeconds, Instant startedAt, Instant deadline, Instant pausedAt, long pausedSeconds,
        Integer nextStage, Instant nextFireAt, List<Integer> firedStages, Instant breachedAt, Instant stoppedAt,
        String stopReason) {

    static ClockView of(SlaClock clock, List<Integer> firedStages) {
        return new ClockView(clock.id.toString(), clock.ticketId, clock.kind, clock.policy, clock.channel, clock.priority,
                clock.state, clock.budgetMs / 1000, clock.startedAt, clock.deadline, clock.pausedAt,
                clock.pausedTotalMs / 1000, clock.nextStage, clock.nextFireAt, firedStages, clock.breachedAt,
                clock.stoppedAt, clock.stopReason);
    }
}
