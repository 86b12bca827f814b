package io.supportsuite.sla.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.sla.calendar.WorkingCalendar;
import io.supportsuite.sla.clock.ClockSchedule;
import io.supportsuite.sla.clock.SlaClock;
import io.supportsuite.sla.policy.TicketFacts;

/**
 * The explicit admin action that puts running clocks under the current policies and calendars (a policy
 * change otherwise applies to new clocks only). Counted time stays counted, fired stages stay fired, a
 * breached clock keeps its breach; every change is recorded with its before and after.
 */
@ApplicationScoped
public class Recalculation {

    /** One clock that changed. */
    public record Change(String clockId, String ticketId, String kind, String policyBefore, String policyAfter,
            long budgetSecondsBefore, long budgetSecondsAfter, Instant deadlineBefore, Instant deadlineAfter) {
    }

    /** The clocks a policy puts under a customer's promise (pickup and callback clocks are the contact's). */
    private static final List<String> CUSTOMER_PROMISES = List.of(SlaClock.FIRST_RESPONSE, SlaClock.NEXT_RESPONSE, SlaClock.RESOLUTION);

    private final Policies policies;
    private final Clock clock;

    public Recalculation(Policies policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    /** Recalculates every running or paused clock not yet breached, in the caller's transaction. */
    public Uni<List<Change>> recalculateLive(String actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return SlaClock.<SlaClock>find("state <> ?1 and nextStage is not null and kind in ?2 order by startedAt",
                SlaClock.STOPPED, CUSTOMER_PROMISES)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(clocks -> inOrder(clocks, 0, now, actor, new ArrayList<>()));
    }

    /**
     * C2/R6: these tickets now belong to a customer of {@code segment} (a customer merge, or its undo). Every clock of them
     * carries the segment from now on (a next-response clock started later inherits it), and their live clocks are put
     * under the policy that segment matches, like {@link #recalculateLive}: counted time stays counted, a breach stays.
     */
    public Uni<List<Change>> segmentChanged(List<String> ticketIds, String segment, String actor) {
        if (ticketIds == null || ticketIds.isEmpty() || segment == null) {
            return Uni.createFrom().item(List.of());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return SlaClock.<SlaClock>find("ticketId in ?1 order by startedAt", ticketIds).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(clocks -> {
                    clocks.forEach(c -> c.segment = segment);
                    List<SlaClock> live = clocks.stream().filter(c -> !SlaClock.STOPPED.equals(c.state) && c.nextStage != null
                            && CUSTOMER_PROMISES.contains(c.kind)).toList();
                    return inOrder(live, 0, now, actor, new ArrayList<>());
                });
    }

    /** One clock after the other: a reactive session is used sequentially. */
    private Uni<List<Change>> inOrder(List<SlaClock> clocks, int from, Instant now, String actor, List<Change> changes) {
        if (from >= clocks.size()) {
            return Uni.createFrom().item(changes);
        }
        return recalculate(clocks.get(from), now, actor).invoke(change -> {
            if (change != null) {
                changes.add(change);
            }
        }).chain(() -> inOrder(clocks, from + 1, now, actor, changes));
    }

    private Uni<Change> recalculate(SlaClock live, Instant now, String actor) {
        TicketFacts facts = new TicketFacts(live.channel, live.priority, live.segment, live.team);
        return policies.choose(live.kind, facts).chain(policy -> {
            if (policy == null) {
                return Uni.createFrom().nullItem();
            }
            ClockSchedule before = live.schedule();
            boolean same = policy.name().equals(live.policy) && Objects.equals(policy.calendarSpec(), live.calendar)
                    && policy.budget().equals(before.budget())
                    && ClockSchedule.stages(policy.warningPercents()).equals(before.stages());
            if (same) {
                return Uni.createFrom().nullItem();
            }
            WorkingCalendar old = policies.calendarOf(live);
            ClockSchedule after = before.retarget(policy.budget(), policy.warningPercents(), now, old, policy.calendar());
            Change change = new Change(live.id.toString(), live.ticketId, live.kind, live.policy, policy.name(),
                    before.budget().toSeconds(), after.budget().toSeconds(), before.deadline(), after.deadline());
            live.policy = policy.name();
            live.calendar = policy.calendarSpec();
            live.apply(after);
            Log.infof("Clock %s of ticket %s recalculated by %s: %s %s → %s %s", live.id, live.ticketId, actor,
                    change.policyBefore(), change.deadlineBefore(), change.policyAfter(), change.deadlineAfter());
            return record(change, now, actor, before.budget(), after.budget()).replaceWith(change);
        });
    }

    private static Uni<Integer> record(Change change, Instant at, String actor, Duration budgetBefore, Duration budgetAfter) {
        return Panache.getSession().chain(session -> session.createNativeQuery("INSERT INTO clock_recalculation "
                + "(clock_id, recalculated_at, actor, policy_before, policy_after, budget_before_ms, budget_after_ms, "
                + "deadline_before, deadline_after) VALUES (:clock, :at, :actor, :pb, :pa, :bb, :ba, :db, :da)")
                .setParameter("clock", UUID.fromString(change.clockId()))
                .setParameter("at", at)
                .setParameter("actor", actor)
                .setParameter("pb", change.policyBefore())
                .setParameter("pa", change.policyAfter())
                .setParameter("bb", budgetBefore.toMillis())
                .setParameter("ba", budgetAfter.toMillis())
                .setParameter("db", change.deadlineBefore())
                .setParameter("da", change.deadlineAfter())
                .executeUpdate());
    }
}
