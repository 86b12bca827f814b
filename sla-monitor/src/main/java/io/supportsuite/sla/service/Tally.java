package io.supportsuite.sla.service;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/** What one transaction did to clocks, counted into the metrics only after it committed. */
public record Tally(List<Fired> fired, List<String> metKinds) {

    public static final Tally NONE = new Tally(List.of(), List.of());

    public static Tally of(Fired fired) {
        return fired == null ? NONE : new Tally(List.of(fired), List.of());
    }

    public static Tally met(String kind) {
        return new Tally(List.of(), List.of(kind));
    }

    public Tally plus(Tally other) {
        List<Fired> allFired = new ArrayList<>(fired);
        allFired.addAll(other.fired);
        List<String> allMet = new ArrayList<>(metKinds);
        allMet.addAll(other.metKinds);
        return new Tally(allFired, allMet);
    }

    /** Runs {@code action} on each item, one after the other (a reactive session is used sequentially). */
    public static <T> Uni<Tally> inOrder(List<T> items, Function<T, Uni<Tally>> action) {
        return inOrder(items, 0, action);
    }

    private static <T> Uni<Tally> inOrder(List<T> items, int from, Function<T, Uni<Tally>> action) {
        if (from >= items.size()) {
            return Uni.createFrom().item(NONE);
        }
        return action.apply(items.get(from)).chain(done -> inOrder(items, from + 1, action).map(done::plus));
    }
}
