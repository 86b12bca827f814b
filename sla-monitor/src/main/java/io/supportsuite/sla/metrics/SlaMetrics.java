package io.supportsuite.sla.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.supportsuite.sla.clock.SlaClock;
import io.supportsuite.sla.service.Fired;
import io.supportsuite.sla.service.Tally;

/**
 * Business metrics of the promises (M1): live clocks by kind, warnings and breaches by kind and channel, met
 * promises by kind, and how late the firing loop fires a stage after it fell due.
 */
@ApplicationScoped
public class SlaMetrics {

    private static final Duration[] LATENESS_BUCKETS = { Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30) };

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> live = new ConcurrentHashMap<>();

    public SlaMetrics(MeterRegistry registry) {
        this.registry = registry;
        gauge(SlaClock.FIRST_RESPONSE, SlaClock.RUNNING);
        gauge(SlaClock.FIRST_RESPONSE, SlaClock.PAUSED);
    }

    /** Counts what a committed transaction did. */
    public void count(Tally tally) {
        tally.fired().forEach(this::fired);
        tally.metKinds().forEach(kind -> Counter.builder("support.sla.met").description("Promises kept before the deadline")
                .tag("kind", kind).register(registry).increment());
    }

    /** The live clocks per kind and state (running, paused), as just counted in the database. */
    public void live(Map<String, Map<String, Long>> countsByKindAndState) {
        live.forEach((key, value) -> value.set(0));
        countsByKindAndState.forEach((kind, byState) -> byState.forEach((state, n) -> gauge(kind, state).set(n)));
    }

    private void fired(Fired fired) {
        if (fired.breach()) {
            Counter.builder("support.sla.breaches").description("Deadlines passed with the promise unkept")
                    .tag("kind", fired.kind()).tag("channel", channel(fired)).register(registry).increment();
        } else {
            Counter.builder("support.sla.warnings").description("Warnings before a deadline (R4)")
                    .tag("kind", fired.kind()).tag("channel", channel(fired)).tag("stage", String.valueOf(fired.stage()))
                    .register(registry).increment();
        }
        Timer.builder("support.sla.firing.lateness").description("Time from a stage falling due to its firing")
                .tag("kind", fired.kind())
                .serviceLevelObjectives(LATENESS_BUCKETS)
                .register(registry)
                .record(Duration.between(fired.dueAt(), fired.firedAt()));
    }

    private static String channel(Fired fired) {
        return fired.channel() == null ? "none" : fired.channel();
    }

    private AtomicLong gauge(String kind, String state) {
        return live.computeIfAbsent(kind + "/" + state, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("support.sla.clocks." + state, value, AtomicLong::get)
                    .description("Clocks " + state + " now, by kind")
                    .tag("kind", kind)
                    .register(registry);
            return value;
        });
    }
}
