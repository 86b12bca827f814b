package io.supportsuite.sla.policy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.supportsuite.sla.calendar.BusinessHours;
import io.supportsuite.sla.calendar.CalendarTime;
import io.supportsuite.sla.calendar.WeeklyHours;
import io.supportsuite.sla.calendar.WorkingCalendar;

/**
 * A named business-hours calendar as operators define it: time zone, weekly hours text and holidays. A
 * clock keeps the {@link #spec()} of its calendar, so editing the calendar later changes only new clocks.
 */
public record CalendarDefinition(String name, String zone, String hours, List<LocalDate> holidays) {

    /** The calendar of every second (R1's default); not a stored calendar, always there. */
    public static final String CALENDAR_TIME = "calendar";

    public CalendarDefinition {
        holidays = holidays == null ? List.of() : holidays.stream().distinct().sorted().toList();
    }

    /**
     * Checks the zone and hours and builds the calendar.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public WorkingCalendar toCalendar() {
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone == null ? "" : zone.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Unknown time zone '" + zone + "'");
        }
        return new BusinessHours(zoneId, WeeklyHours.parse(hours), Set.copyOf(holidays));
    }

    /** One line that rebuilds this calendar: {@code zone|hours|date,date}. */
    public String spec() {
        return zone.trim() + "|" + WeeklyHours.parse(hours) + "|"
                + holidays.stream().map(LocalDate::toString).collect(Collectors.joining(","));
    }

    /** The calendar a clock stored: {@link #CALENDAR_TIME} or a {@link #spec()}. */
    public static WorkingCalendar fromSpec(String spec) {
        if (spec == null || spec.isBlank() || CALENDAR_TIME.equals(spec)) {
            return CalendarTime.INSTANCE;
        }
        String[] parts = spec.split("\\|", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a calendar spec: " + spec);
        }
        return new CalendarDefinition("stored", parts[0], parts[1], dates(parts[2])).toCalendar();
    }

    /** ISO dates, comma-separated. */
    public static List<LocalDate> dates(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(LocalDate::parse).toList();
    }
}
