package io.supportsuite.sla.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * One promise being kept for one ticket: a row the firing loop finds through the index on
 * {@code next_fire_at}, so a restart loses no clock. The arithmetic lives in {@link ClockSchedule}.
 */
@Entity
@Table(name = "clock")
public class SlaClock extends PanacheEntityBase {

    public static final String FIRST_RESPONSE = "first_response";
    public static final String NEXT_RESPONSE = "next_response";
    public static final String RESOLUTION = "resolution";
    public static final String PICKUP = "pickup";
    public static final String CALLBACK = "callback";

    public static final String RUNNING = "running";
    public static final String PAUSED = "paused";
    public static final String STOPPED = "stopped";

    @Id
    public UUID id;

    @Column(name = "ticket_id")
    public String ticketId;

    public String kind;
    public String policy;
    public String channel;
    public String priority;
    public String segment;
    public String team;

    /** What the clock is about besides its ticket: the contact (pickup) or the callback (callback). */
    @Column(name = "subject_id")
    public String subjectId;

    /** The calendar the clock counts in, as it was when the clock started: a CalendarDefinition spec. */
    public String calendar;

    /** running, paused or stopped. */
    public String state;

    @Column(name = "budget_ms")
    public long budgetMs;

    /** Comma-separated stage percentages, the breach (100) last; fixed when the clock starts. */
    public String stages;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "running_since")
    public Instant runningSince;

    @Column(name = "elapsed_before_ms")
    public long elapsedBeforeMs;

    public Instant deadline;

    @Column(name = "paused_at")
    public Instant pausedAt;

    /** Why the clock is (or was last) paused. */
    @Column(name = "pause_reason")
    public String pauseReason;

    @Column(name = "paused_total_ms")
    public long pausedTotalMs;

    @Column(name = "next_stage")
    public Integer nextStage;

    @Column(name = "next_fire_at")
    public Instant nextFireAt;

    @Column(name = "breached_at")
    public Instant breachedAt;

    @Column(name = "stopped_at")
    public Instant stoppedAt;

    /** Why the clock stopped: met, replied after the breach, solved, closed. */
    @Column(name = "stop_reason")
    public String stopReason;

    /** Who the promise is on (M1): the agent who answered; until then the ticket's assignee; a callback's owner. */
    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "agent_name")
    public String agentName;

    public ClockSchedule schedule() {
        List<Integer> percents = Arrays.stream(stages.split(",")).map(String::trim).map(Integer::valueOf).toList();
        return new ClockSchedule(Duration.ofMillis(budgetMs), percents, startedAt, runningSince,
                Duration.ofMillis(elapsedBeforeMs), pausedAt, Duration.ofMillis(pausedTotalMs), nextStage, deadline,
                nextFireAt);
    }

    /** Takes over a schedule's values; the state follows from it unless the clock is stopped. */
    public void apply(ClockSchedule schedule) {
        budgetMs = schedule.budget().toMillis();
        stages = schedule.stages().stream().map(String::valueOf).collect(Collectors.joining(","));
        startedAt = schedule.startedAt();
        runningSince = schedule.runningSince();
        elapsedBeforeMs = schedule.elapsedBefore().toMillis();
        pausedAt = schedule.pausedAt();
        pausedTotalMs = schedule.pausedTotal().toMillis();
        nextStage = schedule.nextStage();
        deadline = schedule.deadline();
        nextFireAt = schedule.nextFireAt();
        if (!STOPPED.equals(state)) {
            state = schedule.paused() ? PAUSED : RUNNING;
        }
    }

    /** The agent who acted on the promise (answered, replied); a null id leaves the assignee in place. */
    public SlaClock actedOnBy(String id, String name) {
        if (id != null) {
            agentId = id;
            agentName = name;
        }
        return this;
    }

    public void stop(Instant at, String reason) {
        state = STOPPED;
        stoppedAt = at;
        stopReason = reason;
        nextFireAt = null;
    }
}
