package io.supportsuite.sla.calendar;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Holidays from an iCalendar file (RFC 5545), such as a public-holiday feed: every all-day VEVENT is a
 * day off (a multi-day one, each of its days), a yearly fixed-date recurrence is expanded up to a last
 * year, and EXDATEs, cancelled events and observances (a feed's "Mother's Day") are left out. Timed events (a meeting is not a day off) and
 * recurrences other than yearly on the same date are skipped and reported, never guessed.
 */
public final class IcsHolidays {

    /** A day off and the name the calendar gives it. */
    public record Holiday(LocalDate date, String name) {
    }

    /** What an import found: the holidays by date, and each event skipped with the reason. */
    public record Import(List<Holiday> holidays, List<String> skipped) {
    }

    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Set<String> YEARLY_KEYS = Set.of("FREQ", "COUNT", "UNTIL", "INTERVAL", "BYMONTH", "BYMONTHDAY");

    private IcsHolidays() {
    }

    /**
     * Reads the VEVENTs of {@code ics}; yearly recurrences are expanded through {@code lastYear}.
     *
     * @throws IllegalArgumentException when the text is not an iCalendar object
     */
    public static Import parse(String ics, int lastYear) {
        List<String> lines = unfold(ics);
        if (lines.stream().noneMatch(l -> l.equalsIgnoreCase("BEGIN:VCALENDAR"))) {
            throw new IllegalArgumentException("Not an iCalendar file: no BEGIN:VCALENDAR");
        }
        TreeMap<LocalDate, String> days = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        Map<String, Property> event = null;
        List<Property> exdates = new ArrayList<>();
        for (String line : lines) {
            if (line.equalsIgnoreCase("BEGIN:VEVENT")) {
                event = new HashMap<>();
                exdates = new ArrayList<>();
            } else if (line.equalsIgnoreCase("END:VEVENT") && event != null) {
                String reason = addEvent(event, exdates, lastYear, days);
                if (reason != null) {
                    Property summary = event.get("SUMMARY");
                    skipped.add((summary == null ? "(no summary)" : unescape(summary.value())) + ": " + reason);
                }
                event = null;
            } else if (event != null) {
                Property property = Property.parse(line);
                if (property != null && property.name().equals("EXDATE")) {
                    exdates.add(property);
                } else if (property != null) {
                    event.putIfAbsent(property.name(), property);
                }
            }
        }
        List<Holiday> holidays = days.entrySet().stream().map(e -> new Holiday(e.getKey(), e.getValue())).toList();
        return new Import(holidays, skipped);
    }

    /** Adds the event's days; returns why it was skipped, or null. */
    private static String addEvent(Map<String, Property> event, List<Property> exdates, int lastYear,
            Map<LocalDate, String> days) {
        Property status = event.get("STATUS");
        if (status != null && status.value().equalsIgnoreCase("CANCELLED")) {
            return "cancelled";
        }
        Property description = event.get("DESCRIPTION");
        if (description != null && description.value().regionMatches(true, 0, "Observance", 0, "Observance".length())) {
            return "an observance, not a day off"; // public-holiday feeds list Mother's Day and the like too
        }
        Property start = event.get("DTSTART");
        if (start == null) {
            return "no DTSTART";
        }
        if (!start.isDate()) {
            return "a timed event, not a whole day";
        }
        LocalDate first = date(start.value());
        int length = lengthInDays(first, event);
        List<LocalDate> starts = occurrences(first, event.get("RRULE"), lastYear);
        if (starts == null) {
            return "unsupported recurrence " + event.get("RRULE").value();
        }
        List<LocalDate> excluded = new ArrayList<>();
        exdates.forEach(ex -> {
            for (String value : ex.value().split(",")) {
                excluded.add(date(value.length() > 8 ? value.substring(0, 8) : value));
            }
        });
        String name = event.containsKey("SUMMARY") ? unescape(event.get("SUMMARY").value()) : "";
        for (LocalDate occurrence : starts) {
            if (excluded.contains(occurrence)) {
                continue;
            }
            for (int i = 0; i < length; i++) {
                days.putIfAbsent(occurrence.plusDays(i), name);
            }
        }
        return null;
    }

    /** How many days an all-day event covers: DTEND is exclusive; without DTEND or DURATION, one day. */
    private static int lengthInDays(LocalDate first, Map<String, Property> event) {
        Property end = event.get("DTEND");
        if (end != null) {
            return (int) Math.max(1, first.until(date(end.value().substring(0, 8)), ChronoUnit.DAYS));
        }
        Property duration = event.get("DURATION");
        if (duration != null) {
            return (int) Math.max(1, first.until(first.plus(Period.parse(duration.value())), ChronoUnit.DAYS));
        }
        return 1;
    }

    /** The starts of every occurrence; null for a recurrence this reader does not expand. */
    private static List<LocalDate> occurrences(LocalDate first, Property rrule, int lastYear) {
        if (rrule == null) {
            return List.of(first);
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : rrule.value().split(";")) {
            String[] kv = part.split("=", 2);
            parts.put(kv[0].toUpperCase(Locale.ROOT), kv.length > 1 ? kv[1] : "");
        }
        if (!"YEARLY".equalsIgnoreCase(parts.get("FREQ")) || !YEARLY_KEYS.containsAll(parts.keySet())
                || (parts.containsKey("BYMONTH") && !parts.get("BYMONTH").equals(String.valueOf(first.getMonthValue())))
                || (parts.containsKey("BYMONTHDAY") && !parts.get("BYMONTHDAY").equals(String.valueOf(first.getDayOfMonth())))) {
            return null;
        }
        int interval = parts.containsKey("INTERVAL") ? Integer.parseInt(parts.get("INTERVAL")) : 1;
        int count = parts.containsKey("COUNT") ? Integer.parseInt(parts.get("COUNT")) : Integer.MAX_VALUE;
        LocalDate until = parts.containsKey("UNTIL") ? date(parts.get("UNTIL").substring(0, 8)) : LocalDate.of(lastYear, 12, 31);
        List<LocalDate> starts = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            LocalDate next = first.plusYears((long) n * interval);
            if (next.isAfter(until) || next.getYear() > lastYear) {
                break;
            }
            if (next.getDayOfMonth() == first.getDayOfMonth()) { // 29 February recurs on leap years only
                starts.add(next);
            }
        }
        return starts;
    }

    /** RFC 5545 3.1: a line starting with a space or tab continues the previous one. */
    static List<String> unfold(String ics) {
        List<String> lines = new ArrayList<>();
        for (String raw : ics.split("\r?\n|\r")) {
            if (!raw.isEmpty() && (raw.charAt(0) == ' ' || raw.charAt(0) == '\t') && !lines.isEmpty()) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + raw.substring(1));
            } else if (!raw.isBlank()) {
                lines.add(raw.strip());
            }
        }
        return lines;
    }

    /** RFC 5545 3.3.11: text escapes. */
    static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 'n' || next == 'N' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value.trim(), BASIC_DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Not an iCalendar date (yyyyMMdd): '" + value + "'");
        }
    }

    /** A content line: name, parameters and value ({@code DTSTART;VALUE=DATE:20261118}). */
    private record Property(String name, String parameters, String value) {

        static Property parse(String line) {
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ':' && !quoted) {
                    String head = line.substring(0, i);
                    int semicolon = head.indexOf(';');
                    String name = (semicolon < 0 ? head : head.substring(0, semicolon)).toUpperCase(Locale.ROOT);
                    return new Property(name, semicolon < 0 ? "" : head.substring(semicolon + 1).toUpperCase(Locale.ROOT),
                            line.substring(i + 1));
                }
            }
            return null;
        }

        /** A whole day: VALUE=DATE, or a bare 8-digit date. */
        boolean isDate() {
            return parameters.contains("VALUE=DATE") && !parameters.contains("VALUE=DATE-TIME")
                    || value.trim().matches("\\d{8}");
        }
    }
}
