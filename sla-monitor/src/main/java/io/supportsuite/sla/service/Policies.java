package io.supportsuite.sla.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.sla.calendar.WorkingCalendar;
import io.supportsuite.sla.clock.SlaClock;
import io.supportsuite.sla.config.SlaConfig;
import io.supportsuite.sla.policy.CalendarDefinition;
import io.supportsuite.sla.policy.CalendarRow;
import io.supportsuite.sla.policy.Policy;
import io.supportsuite.sla.policy.PolicyRow;
import io.supportsuite.sla.policy.PolicySeeder;
import io.supportsuite.sla.policy.TicketFacts;

/**
 * Which promise a ticket gets (R1, R6) from the stored policies, and how a clock counts time: with the
 * calendar it was started with (its stored spec), so a later change of policy or calendar applies to new
 * clocks only.
 */
@ApplicationScoped
public class Policies {

    /** A policy as a new clock takes it over: name, budget, warning stages (R4) and calendar. */
    public record Choice(String name, Duration budget, List<Integer> warningPercents, String calendarSpec,
            WorkingCalendar calendar) {
    }

    private static final int CACHED_CALENDARS = 1000;

    private final PolicySeeder seeder;
    private final SlaConfig config;
    private final Map<String, WorkingCalendar> calendars = new ConcurrentHashMap<>();

    public Policies(PolicySeeder seeder, SlaConfig config) {
        this.seeder = seeder;
        this.config = config;
    }

    /** The policy for a new clock of {@code kind}, or a null item when no policy sets a target for it. */
    public Uni<Choice> choose(String kind, TicketFacts ticket) {
        return seeder.seeded().chain(() -> PolicyRow.<PolicyRow>listAll())
                .map(rows -> Policy.choose(rows.stream().map(PolicyRow::toPolicy).toList(), kind, ticket).orElse(null))
                .chain(policy -> policy == null ? Uni.createFrom().nullItem() : calendarSpec(policy.calendar())
                        .map(spec -> new Choice(policy.name(), policy.targets().get(kind),
                                policy.warningPercents().isEmpty() ? config.warningPercents() : policy.warningPercents(),
                                spec, calendar(spec))));
    }

    /** How a running clock counts time: the calendar it was started (or last recalculated) with. */
    public WorkingCalendar calendarOf(SlaClock clock) {
        return calendar(clock.calendar);
    }

    private Uni<String> calendarSpec(String name) {
        if (CalendarDefinition.CALENDAR_TIME.equals(name)) {
            return Uni.createFrom().item(CalendarDefinition.CALENDAR_TIME);
        }
        return CalendarRow.<CalendarRow>findById(name).map(row -> {
            if (row == null) {
                Log.warnf("Calendar %s is not defined; counting calendar time", name);
                return CalendarDefinition.CALENDAR_TIME;
            }
            return row.toDefinition().spec();
        });
    }

    private WorkingCalendar calendar(String spec) {
        String key = spec == null ? CalendarDefinition.CALENDAR_TIME : spec;
        WorkingCalendar cached = calendars.get(key);
        if (cached != null) {
            return cached;
        }
        if (calendars.size() >= CACHED_CALENDARS) {
            calendars.clear(); // specs change rarely; a full cache means many edits, not many calendars in use
        }
        WorkingCalendar built = CalendarDefinition.fromSpec(key);
        calendars.put(key, built);
        return built;
    }
}
