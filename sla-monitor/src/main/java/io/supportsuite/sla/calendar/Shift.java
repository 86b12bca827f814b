package io.supportsuite.sla.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Objects;

/**
 * Working hours that start on one day of the week, in local (wall-clock) time. A shift whose end is not
 * after its start ends on the next day: {@code FRI 22:00-06:00} crosses midnight, {@code MON 00:00-24:00}
 * (or {@code 00:00-00:00}) is the whole day.
 */
public record Shift(DayOfWeek day, LocalTime start, LocalTime end) {

    public Shift {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public boolean crossesMidnight() {
        return !end.isAfter(start);
    }

    /** Where this shift begins when it starts on {@code date} (which must be its day of the week). */
    LocalDateTime startOn(LocalDate date) {
        return date.atTime(start);
    }

    /** Where this shift ends when it starts on {@code date}. */
    LocalDateTime endOn(LocalDate date) {
        return (crossesMidnight() ? date.plusDays(1) : date).atTime(end);
    }

    /** {@code MON 09:00-17:00}, the form {@link WeeklyHours} reads. */
    @Override
    public String toString() {
        return day.name().substring(0, 3) + " " + time(start) + "-" + (end.equals(LocalTime.MIDNIGHT) ? "24:00" : time(end));
    }

    static LocalTime parseTime(String text) {
        String t = text.trim();
        if (t.equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(t.length() == 4 ? "0" + t : t);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a time of day (HH:mm): '" + text + "'");
        }
    }

    static DayOfWeek parseDay(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (t.length() >= 3 && day.name().startsWith(t)) {
                return day;
            }
        }
        throw new IllegalArgumentException("Not a day of the week: '" + text + "'");
    }

    private static String time(LocalTime t) {
        return String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
    }
}
