package io.supportsuite.sla.firing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.supportsuite.sla.clock.SlaClock;
import io.supportsuite.sla.config.SlaConfig;
import io.supportsuite.sla.metrics.SlaMetrics;
import io.supportsuite.sla.service.Policies;
import io.supportsuite.sla.service.SlaEvents;
import io.supportsuite.sla.service.Tally;

/**
 * One firing round, in one transaction: claim the due clocks through the {@code next_fire_at} index
 * ({@code FOR UPDATE SKIP LOCKED}, so concurrent loops of several instances never claim the same clock),
 * fire their due stages in due order with the events on the outbox, and arm the next stages.
 */
@ApplicationScoped
public class StageFiring {

    /** What a round did, and when the earliest armed stage falls due (null when none is armed). */
    public record Round(int fired, Instant earliest) {
    }

    private static final String CLAIM = "SELECT id FROM clock WHERE state = 'running' AND next_fire_at IS NOT NULL "
            + "AND next_fire_at <= :now ORDER BY next_fire_at LIMIT :limit FOR UPDATE SKIP LOCKED";

    private final SlaEvents events;
    private final Policies policies;
    private final SlaMetrics metrics;
    private final SlaConfig config;
    private final Clock clock;

    public StageFiring(SlaEvents events, Policies policies, SlaMetrics metrics, SlaConfig config, Clock clock) {
        this.events = events;
        this.policies = policies;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    /** Runs one round and waits for it: for the loop's own thread, never for an event-loop thread. */
    public Round fireDue() {
        AtomicReference<Tally> tally = new AtomicReference<>(Tally.NONE);
        Round round;
        try {
            round = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> round(tally)));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        metrics.count(tally.get()); // committed
        return round;
    }

    private Uni<Round> round(AtomicReference<Tally> tally) {
        Instant now = clock.instant();
        int batch = config.firing().batchSize();
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(CLAIM, UUID.class)
                        .setParameter("now", now)
                        .setParameter("limit", batch)
                        .getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<SlaClock>of())
                        : SlaClock.<SlaClock>list("id in ?1 order by nextFireAt, id", ids)) // locked above
                .chain(claimed -> {
                    List<FiringPlan.Due> due = claimed.stream()
                            .map(c -> new FiringPlan.Due(c.schedule(), policies.calendarOf(c))).toList();
                    List<FiringPlan.Step> steps = FiringPlan.plan(due, now, claimed.size() >= batch);
                    return Tally.inOrder(steps,
                            step -> events.fireNextStage(claimed.get(step.clock()), clock.instant()).map(Tally::of));
                })
                .invoke(tally::set)
                .chain(done -> earliest().map(next -> new Round(done.fired().size(), next)));
    }

    /** The earliest armed stage, read from the partial index (this transaction's own changes included). */
    private Uni<Instant> earliest() {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "select min(c.nextFireAt) from SlaClock c where c.state = 'running' and c.nextFireAt is not null",
                Instant.class).getSingleResultOrNull());
    }
}
