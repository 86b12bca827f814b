package io.supportsuite.sla.rest;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.supportsuite.runtime.problem.ProblemException;
import io.supportsuite.sla.clock.SlaClock;
import io.supportsuite.sla.policy.Policy;

/** A policy as the REST API reads and writes it; targets are ISO durations per clock kind ({@code PT10H}). */
public record PolicyDocument(String name, Integer rank, List<String> channels, List<String> priorities,
        List<String> segments, List<String> teams, String calendar, Map<String, String> targets,
        List<Integer> warningPercents) {

    static final Set<String> KINDS = Set.of(SlaClock.FIRST_RESPONSE, SlaClock.NEXT_RESPONSE, SlaClock.RESOLUTION);

    static PolicyDocument of(Policy policy) {
        Map<String, String> targets = new TreeMap<>();
        policy.targets().forEach((kind, target) -> targets.put(kind, target.toString()));
        return new PolicyDocument(policy.name(), policy.rank(), policy.channels(), policy.priorities(), policy.segments(),
                policy.teams(), policy.calendar(), targets, policy.warningPercents());
    }

    /** The policy this document describes under {@code name}, or 422 naming the first wrong field. */
    Policy toPolicy(String name, List<Integer> defaultWarnings) {
        if (rank == null) {
            throw ProblemException.invalidField("rank", "required: the lowest rank wins among matching policies");
        }
        if (targets == null || targets.isEmpty()) {
            throw ProblemException.invalidField("targets", "at least one target, e.g. {\"first_response\": \"PT10H\"}");
        }
        Map<String, Duration> parsed = new TreeMap<>();
        targets.forEach((kind, text) -> {
            if (!KINDS.contains(kind)) {
                throw ProblemException.invalidField("targets." + kind, "unknown clock kind; one of " + new java.util.TreeSet<>(KINDS));
            }
            try {
                Duration target = Duration.parse(text);
                if (target.isNegative() || target.isZero()) {
                    throw ProblemException.invalidField("targets." + kind, "must be positive");
                }
                parsed.put(kind, target);
            } catch (DateTimeParseException | NullPointerException e) {
                throw ProblemException.invalidField("targets." + kind, "not an ISO-8601 duration such as PT10H: " + text);
            }
        });
        List<Integer> warnings = warningPercents == null ? defaultWarnings : warningPercents;
        if (warnings.stream().anyMatch(p -> p == null || p <= 0 || p >= 100)) {
            throw ProblemException.invalidField("warningPercents", "each between 1 and 99");
        }
        return new Policy(name, rank, channels, priorities, segments, teams, calendar, parsed, warnings);
    }
}
