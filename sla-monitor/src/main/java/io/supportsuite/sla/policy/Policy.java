package io.supportsuite.sla.policy;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An SLA policy: which tickets it covers (by channel, priority, customer segment and team; an empty list
 * matches anything), the calendar its clocks count in, a target per clock kind, and the warning stages (R4).
 * Among the policies that match and set a target for a clock kind, the lowest rank wins.
 */
public record Policy(String name, int rank, List<String> channels, List<String> priorities, List<String> segments,
        List<String> teams, String calendar, Map<String, Duration> targets, List<Integer> warningPercents) {

    public Policy {
        channels = lower(channels);
        priorities = lower(priorities);
        segments = lower(segments);
        teams = lower(teams);
        calendar = calendar == null || calendar.isBlank() ? CalendarDefinition.CALENDAR_TIME : calendar;
        targets = targets == null ? Map.of() : Map.copyOf(new TreeMap<>(targets));
        warningPercents = warningPercents == null ? List.of() : List.copyOf(warningPercents);
    }

    public boolean matches(TicketFacts ticket) {
        return covers(channels, ticket.channel()) && covers(priorities, ticket.priority())
                && covers(segments, ticket.segment()) && covers(teams, ticket.team());
    }

    /** The policy for a new clock of {@code kind}: the best-ranked match with a target for it, if any. */
    public static Optional<Policy> choose(List<Policy> policies, String kind, TicketFacts ticket) {
        return policies.stream()
                .filter(p -> p.targets().containsKey(kind) && p.matches(ticket))
                .min(Comparator.comparingInt(Policy::rank).thenComparing(Policy::name));
    }

    private static boolean covers(List<String> values, String value) {
        return values.isEmpty() || (value != null && values.contains(value.toLowerCase(Locale.ROOT)));
    }

    private static List<String> lower(List<String> values) {
        return values == null ? List.of()
                : values.stream().map(String::trim).filter(v -> !v.isEmpty()).map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }
}
