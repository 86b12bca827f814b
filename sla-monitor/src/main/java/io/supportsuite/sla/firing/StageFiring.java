package io.supportsuite.sla.firing;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.supportsuite.runtime.outbox.Outbox;
import io.supportsuite.sla.clock.SlaClock;
import io.supportsuite.sla.config.SlaConfig;
import io.supportsuite.sla.metrics.SlaMetrics;
import io.supportsuite.sla.service.Fired;
import io.supportsuite.sla.service.Policies;
import io.supportsuite.sla.service.SlaEvents;
import io.supportsuite.sla.service.Tally;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * One firing round, in one transaction and a handful of statements whatever the batch: claim the due clocks
 * through the {@code next_fire_at} index ({@code FOR UPDATE SKIP LOCKED}, so concurrent loops of several
 * instances never claim the same clock), fire their due stages in due order in memory, record the stages
 * (the unique key of {@code clock_stage} keeps each stage once), arm the next stages and append the events
 * of the stages recorded, each step one set-based statement.
 */
@ApplicationScoped
public class StageFiring {

    /** What a round did, and when the earliest armed stage falls due (null when none is armed). */
    public record Round(int fired, Instant earliest) {
    }

    private static final String CLAIM = """
            SELECT id, ticket_id, kind, policy, channel, priority, calendar, budget_ms, stages, started_at, running_since,
                   elapsed_before_ms, deadline, paused_at, paused_total_ms, next_stage, next_fire_at, breached_at
            FROM clock WHERE state = 'running' AND next_fire_at IS NOT NULL AND next_fire_at <= $1
            ORDER BY next_fire_at LIMIT $2 FOR UPDATE SKIP LOCKED""";

    private static final String RECORD_STAGES = """
            INSERT INTO clock_stage (clock_id, stage_percent, due_at, fired_at)
            SELECT clock_id, stage_percent, due_at, fired_at
            FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::timestamptz[])
                WITH ORDINALITY AS s(clock_id, stage_percent, due_at, fired_at, position)
            ORDER BY position
            ON CONFLICT DO NOTHING RETURNING clock_id, stage_percent""";

    private static final String ARM_NEXT = """
            UPDATE clock SET next_stage = u.next_stage, next_fire_at = u.next_fire_at,
                   breached_at = coalesce(u.breached_at, clock.breached_at)
            FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::timestamptz[])
                AS u(id, next_stage, next_fire_at, breached_at)
            WHERE clock.id = u.id""";

    private static final String EARLIEST = "SELECT min(next_fire_at) FROM clock WHERE state = 'running' AND next_fire_at IS NOT NULL";

    private final Pool pool;
    private final Outbox outbox;
    private final SlaEvents events;
    private final Policies policies;
    private final SlaMetrics metrics;
    private final SlaConfig config;
    private final Clock clock;

    public StageFiring(Pool pool, Outbox outbox, SlaEvents events, Policies policies, SlaMetrics metrics, SlaConfig config,
            Clock clock) {
        this.pool = pool;
        this.outbox = outbox;
        this.events = events;
        this.policies = policies;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    /** Runs one round and waits for it: for the loop's own thread, never for an event-loop thread. */
    public Round fireDue() {
        List<Fired> fired = new ArrayList<>();
        Round round = pool.withTransaction(connection -> round(connection, fired)).await().indefinitely();
        metrics.count(new Tally(fired, List.of())); // committed
        return round;
    }

    private Uni<Round> round(SqlConnection connection, List<Fired> fired) {
        Instant now = clock.instant();
        int batch = config.firing().batchSize();
        return connection.preparedQuery(CLAIM).execute(Tuple.of(utc(now), batch)).chain(rows -> {
            List<SlaClock> claimed = new ArrayList<>();
            rows.forEach(row -> claimed.add(clockOf(row)));
            if (claimed.isEmpty()) {
                return earliest(connection).map(next -> new Round(0, next));
            }
            List<FiringPlan.Due> due = claimed.stream()
                    .map(c -> new FiringPlan.Due(c.schedule(), policies.calendarOf(c))).toList();
            List<FiringPlan.Step> steps = FiringPlan.plan(due, now, claimed.size() >= batch);
            Instant firedAt = clock.instant();
            List<SlaEvents.Staged> staged = new ArrayList<>(steps.size());
            Map<UUID, SlaClock> touched = new LinkedHashMap<>();
            for (FiringPlan.Step step : steps) {
                SlaClock firing = claimed.get(step.clock());
                staged.add(events.stage(firing, firedAt));
                touched.put(firing.id, firing);
            }
            return record(connection, staged)
                    .chain(recorded -> {
                        List<Outbox.Event> published = new ArrayList<>();
                        for (SlaEvents.Staged s : staged) {
                            if (recorded.contains(s.clockId() + "/" + s.stage())) {
                                published.add(s.event());
                                fired.add(s.fired());
                            }
                        }
                        return arm(connection, touched.values()).chain(() -> outbox.appendAll(connection, published));
                    })
                    .chain(() -> earliest(connection))
                    .map(next -> new Round(fired.size(), next));
        });
    }

    /** Records the stages in firing order; the item is the "clock/stage" of those not recorded before. */
    private static Uni<Set<String>> record(SqlConnection connection, List<SlaEvents.Staged> staged) {
        if (staged.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        int n = staged.size();
        UUID[] clocks = new UUID[n];
        Integer[] stages = new Integer[n];
        OffsetDateTime[] due = new OffsetDateTime[n];
        OffsetDateTime[] firedAt = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            SlaEvents.Staged s = staged.get(i);
            clocks[i] = s.clockId();
            stages[i] = s.stage();
            due[i] = utc(s.dueAt());
            firedAt[i] = utc(s.firedAt());
        }
        return connection.preparedQuery(RECORD_STAGES).execute(Tuple.of(clocks, stages, due, firedAt)).map(rows -> {
            Set<String> recorded = new HashSet<>();
            rows.forEach(row -> recorded.add(row.getUUID(0) + "/" + row.getInteger(1)));
            return recorded;
        });
    }

    /** Arms each fired clock's next stage (none once the breach fired). */
    private static Uni<Void> arm(SqlConnection connection, java.util.Collection<SlaClock> fired) {
        int n = fired.size();
        UUID[] ids = new UUID[n];
        Integer[] nextStages = new Integer[n];
        OffsetDateTime[] nextFireAt = new OffsetDateTime[n];
        OffsetDateTime[] breachedAt = new OffsetDateTime[n];
        int i = 0;
        for (SlaClock c : fired) {
            ids[i] = c.id;
            nextStages[i] = c.nextStage;
            nextFireAt[i] = utc(c.nextFireAt);
            breachedAt[i] = utc(c.breachedAt);
            i++;
        }
        return connection.preparedQuery(ARM_NEXT).execute(Tuple.of(ids, nextStages, nextFireAt, breachedAt))
                .replaceWithVoid();
    }

    /** The earliest armed stage, read from the partial index (this transaction's own changes included). */
    private static Uni<Instant> earliest(SqlConnection connection) {
        return connection.query(EARLIEST).execute().map(rows -> {
            OffsetDateTime next = rows.iterator().next().getOffsetDateTime(0);
            return next == null ? null : next.toInstant();
        });
    }

    /** A claimed row as a clock in memory (not an entity of any session: it is written back by {@link #arm}). */
    private static SlaClock clockOf(Row row) {
        SlaClock c = new SlaClock();
        c.id = row.getUUID("id");
        c.ticketId = row.getString("ticket_id");
        c.kind = row.getString("kind");
        c.policy = row.getString("policy");
        c.channel = row.getString("channel");
        c.priority = row.getString("priority");
        c.calendar = row.getString("calendar");
        c.state = SlaClock.RUNNING;
        c.budgetMs = row.getLong("budget_ms");
        c.stages = row.getString("stages");
        c.startedAt = instant(row, "started_at");
        c.runningSince = instant(row, "running_since");
        c.elapsedBeforeMs = row.getLong("elapsed_before_ms");
        c.deadline = instant(row, "deadline");
        c.pausedAt = instant(row, "paused_at");
        c.pausedTotalMs = row.getLong("paused_total_ms");
        c.nextStage = row.getInteger("next_stage");
        c.nextFireAt = instant(row, "next_fire_at");
        c.breachedAt = instant(row, "breached_at");
        return c;
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
