package io.supportsuite.tickets.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.supportsuite.tickets.config.TicketsConfig;

/**
 * The priority and team of a new ticket: VIP customers high (R6), negative reviews high (R7), and the configured
 * rules by channel and keyword (each may raise the priority and name a team; the first rule naming a team, by
 * rule name, wins). A rule never lowers a priority another reason raised.
 */
@ApplicationScoped
public class RoutingRules {

    /** Priorities from least to most urgent. */
    public static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");

    /** What routing knows of a new ticket. */
    public record Facts(String channel, String subject, String text, Integer rating, boolean negative, String segment) {
    }

    /** A configured rule; blank criteria match anything; keywords are any of a comma-separated list. */
    public record Rule(String name, String channel, List<String> keywords, String priority, String team) {
    }

    /** The rules' settings, as configured. */
    public record Settings(String defaultPriority, String vipSegment, String vipPriority, int negativeRatingMax,
            String negativePriority, List<Rule> rules, String defaultTeam) {
    }

    /** The outcome: a priority, and the team's name or null. */
    public record Decision(String priority, String team) {
    }

    private final Settings settings;

    public RoutingRules(TicketsConfig config) {
        this.settings = settings(config);
    }

    public Decision decide(Facts facts) {
        return decide(facts, settings);
    }

    public static Decision decide(Facts facts, Settings s) {
        String priority = s.defaultPriority();
        if (facts.segment() != null && facts.segment().equalsIgnoreCase(s.vipSegment())) {
            priority = higher(priority, s.vipPriority());
        }
        if (facts.negative() || (facts.rating() != null && facts.rating() <= s.negativeRatingMax())) {
            priority = higher(priority, s.negativePriority());
        }
        String team = null;
        for (Rule rule : s.rules()) {
            if (matches(rule, facts)) {
                priority = higher(priority, rule.priority());
                team = team != null ? team : rule.team();
            }
        }
        return new Decision(priority, team != null ? team : s.defaultTeam());
    }

    /** The more urgent of the two; an unknown or null one counts for nothing. */
    static String higher(String current, String other) {
        return other != null && PRIORITIES.indexOf(other) > PRIORITIES.indexOf(current) ? other : current;
    }

    private static boolean matches(Rule rule, Facts facts) {
        if (rule.channel() != null && !rule.channel().equalsIgnoreCase(String.valueOf(facts.channel()))) {
            return false;
        }
        if (rule.keywords().isEmpty()) {
            return rule.channel() != null;
        }
        String haystack = ((facts.subject() == null ? "" : facts.subject()) + "\n" + (facts.text() == null ? "" : facts.text()))
                .toLowerCase(Locale.ROOT);
        return rule.keywords().stream().anyMatch(haystack::contains);
    }

    static Settings settings(TicketsConfig config) {
        TicketsConfig.Routing r = config.routing();
        List<Rule> rules = new ArrayList<>();
        new TreeMap<>(r.rules()).forEach((name, rule) -> rules.add(new Rule(name, blankToNull(rule.channel()),
                rule.keyword().map(k -> Arrays.stream(k.split(",")).map(w -> w.trim().toLowerCase(Locale.ROOT))
                        .filter(w -> !w.isEmpty()).toList()).orElse(List.of()),
                blankToNull(rule.priority()), blankToNull(rule.team()))));
        return new Settings(config.defaultPriority(), r.vipSegment(), r.vipPriority(), r.negativeRatingMax(),
                r.negativeReviewPriority(), List.copyOf(rules), blankToNull(r.defaultTeam()));
    }

    private static String blankToNull(Optional<String> value) {
        return value.map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
    }
}
