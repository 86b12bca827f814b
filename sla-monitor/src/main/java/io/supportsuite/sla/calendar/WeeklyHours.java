package io.supportsuite.sla.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The working week as shifts in local time: split shifts (two shifts on one day) and shifts crossing
 * midnight are both just shifts. Written and read as text, entries separated by {@code ;}, each a day or a
 * day range and one or more time ranges: {@code MON-FRI 09:00-12:00 13:00-17:00; SAT 10:00-14:00; FRI 22:00-06:00}.
 */
public record WeeklyHours(List<Shift> shifts) {

    public WeeklyHours {
        if (shifts == null || shifts.isEmpty()) {
            throw new IllegalArgumentException("Business hours need at least one shift");
        }
        shifts = shifts.stream().sorted(Comparator.comparing(Shift::day).thenComparing(Shift::start)
                .thenComparing(Shift::end)).distinct().toList();
    }

    /** Every hour of every day: calendar time expressed as business hours. */
    public static final WeeklyHours ALWAYS = parse("MON-SUN 00:00-24:00");

    public static WeeklyHours parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Business hours need at least one shift");
        }
        List<Shift> shifts = new ArrayList<>();
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] words = entry.trim().split("\\s+");
            if (words.length < 2) {
                throw new IllegalArgumentException("Expected '<days> <HH:mm-HH:mm>...', got '" + entry.trim() + "'");
            }
            List<DayOfWeek> days = days(words[0]);
            for (int i = 1; i < words.length; i++) {
                String[] range = words[i].split("-");
                if (range.length != 2) {
                    throw new IllegalArgumentException("Not a time range (HH:mm-HH:mm): '" + words[i] + "'");
                }
                LocalTime start = Shift.parseTime(range[0]);
                LocalTime end = Shift.parseTime(range[1]);
                days.forEach(day -> shifts.add(new Shift(day, start, end)));
            }
        }
        return new WeeklyHours(shifts);
    }

    /** The shifts that start on {@code day}. */
    List<Shift> startingOn(DayOfWeek day) {
        return shifts.stream().filter(s -> s.day() == day).toList();
    }

    /** One entry per shift, in the form {@link #parse} reads. */
    @Override
    public String toString() {
        return shifts.stream().map(Shift::toString).collect(Collectors.joining("; "));
    }

    private static List<DayOfWeek> days(String text) {
        String[] range = text.split("-");
        if (range.length == 1) {
            return List.of(Shift.parseDay(range[0]));
        }
        if (range.length != 2) {
            throw new IllegalArgumentException("Not a day range (MON-FRI): '" + text + "'");
        }
        List<DayOfWeek> days = new ArrayList<>();
        DayOfWeek day = Shift.parseDay(range[0]);
        DayOfWeek last = Shift.parseDay(range[1]);
        days.add(day);
        while (day != last) { // SAT-MON wraps over the week's end
            day = day.plus(1);
            days.add(day);
        }
        return days;
    }
}
