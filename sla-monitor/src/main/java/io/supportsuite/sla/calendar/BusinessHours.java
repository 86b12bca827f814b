package io.supportsuite.sla.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Business hours (R1's alternative calendar): the shifts of {@link WeeklyHours} in a time zone, minus
 * holidays. Shifts are wall-clock times, so a shift on the night the clocks change really lasts an hour
 * less or more, and a deadline after a DST change lands on the same local hour. A holiday takes the whole
 * local day off, including the part of a night shift that falls on it.
 */
public record BusinessHours(ZoneId zone, WeeklyHours hours, Set<LocalDate> holidays) implements WorkingCalendar {

    /** Guards against a calendar whose holidays leave no working time for this many days in a row. */
    private static final int MAX_IDLE_DAYS = 3660;

    public BusinessHours {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(hours, "hours");
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
    }

    @Override
    public Instant plus(Instant from, Duration working) {
        if (working.isNegative()) {
            throw new IllegalArgumentException("A negative working time: " + working);
        }
        if (working.isZero()) {
            return from;
        }
        Walk walk = new Walk(from);
        Duration left = working;
        while (true) {
            Span span = walk.next();
            Duration length = Duration.between(span.start(), span.end());
            if (left.compareTo(length) <= 0) {
                return span.start().plus(left);
            }
            left = left.minus(length);
        }
    }

    @Override
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Walk walk = new Walk(from);
        Duration counted = Duration.ZERO;
        for (Span span = walk.next(); span.start().isBefore(to); span = walk.next()) {
            Instant end = span.end().isAfter(to) ? to : span.end();
            counted = counted.plus(Duration.between(span.start(), end));
        }
        return counted;
    }

    /** A stretch of working time, start inclusive, end exclusive. */
    private record Span(Instant start, Instant end) {
    }

    /**
     * The working spans from an instant on, in order and without overlap: the shifts of each day in turn
     * (from the day before, whose night shift may still run), cut at local midnights where a holiday begins
     * or ends, and trimmed to what lies after the time already walked.
     */
    private final class Walk {

        private final Deque<Span> pending = new ArrayDeque<>();
        private LocalDate day;
        private Instant cursor;

        Walk(Instant from) {
            this.cursor = from;
            this.day = from.atZone(zone).toLocalDate().minusDays(1);
        }

        Span next() {
            int idle = 0;
            while (true) {
                while (pending.isEmpty()) {
                    if (++idle > MAX_IDLE_DAYS) {
                        throw new IllegalStateException("No working time within " + MAX_IDLE_DAYS + " days of " + cursor);
                    }
                    pending.addAll(spansOf(day));
                    day = day.plusDays(1);
                }
                Span span = pending.poll();
                if (span.end().isAfter(cursor)) {
                    Span counted = new Span(span.start().isAfter(cursor) ? span.start() : cursor, span.end());
                    cursor = span.end();
                    return counted;
                }
            }
        }
    }

    /** The working spans of the shifts starting on {@code date}, holidays cut out, by start. */
    private List<Span> spansOf(LocalDate date) {
        List<Span> spans = new ArrayList<>();
        for (Shift shift : hours.startingOn(date.getDayOfWeek())) {
            Instant start = shift.startOn(date).atZone(zone).toInstant();
            Instant end = shift.endOn(date).atZone(zone).toInstant();
            // A shift spans at most two local days; each part counts unless its day is a holiday.
            for (LocalDate d = date; !d.atStartOfDay(zone).toInstant().isAfter(end) && d.isBefore(date.plusDays(2));
                    d = d.plusDays(1)) {
                Instant dayStart = d.atStartOfDay(zone).toInstant();
                Instant dayEnd = d.plusDays(1).atStartOfDay(zone).toInstant();
                Instant from = start.isAfter(dayStart) ? start : dayStart;
                Instant to = end.isBefore(dayEnd) ? end : dayEnd;
                if (to.isAfter(from) && !holidays.contains(d)) {
                    spans.add(new Span(from, to));
                }
            }
        }
        spans.sort(Comparator.comparing(Span::start));
        return spans;
    }
}
