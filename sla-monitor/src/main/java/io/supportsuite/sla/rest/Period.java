package io.supportsuite.sla.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import io.supportsuite.runtime.problem.ProblemException;

/** A report's period [from, to) from ISO-8601 query parameters: by default the {@code length} up to now. */
record Period(Instant from, Instant to) {

    static Period of(String from, String to, Instant now, Duration length) {
        Instant end = instant("to", to, now);
        Instant start = instant("from", from, end.minus(length));
        if (!start.isBefore(end)) {
            throw ProblemException.invalidField("from", "before to");
        }
        return new Period(start, end);
    }

    /** How many weeks the period spans, for per-week averages. */
    double weeks() {
        return Duration.between(from, to).toSeconds() / (double) Duration.ofDays(7).toSeconds();
    }

    private static Instant instant(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }

    static Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 100.0;
    }
}
