package io.supportsuite.events.sla;

import java.time.Instant;

/**
 * The clock every {@code support.sla.v1} event names: its kind ({@code first_response}, {@code pickup},
 * {@code callback}, {@code next_response}, {@code resolution}), the policy that set it, the deadline, and
 * the elapsed and budgeted working seconds at the time of the event.
 */
public record ClockRef(String clockId, String ticketId, String kind, String policy, String channel, String priority,
        Instant deadline, long elapsedSeconds, long budgetSeconds) {
}
