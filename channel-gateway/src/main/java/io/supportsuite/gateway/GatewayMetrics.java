package io.supportsuite.gateway;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** What operators watch on the gateway: webhooks by outcome (C4) and deliveries by outcome. */
@ApplicationScoped
public class GatewayMetrics {

    public static final String ACCEPTED = "accepted";
    public static final String DUPLICATE = "duplicate";
    public static final String REJECTED = "rejected";
    public static final String IGNORED = "ignored";

    private final MeterRegistry registry;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public Timer.Sample startWebhook() {
        return Timer.start(registry);
    }

    /** A webhook answered 2xx: {@code outcome} is accepted or duplicate. */
    public void webhookAnswered(String channel, String outcome, Timer.Sample sample) {
        Counter.builder("support.webhooks." + outcome).description("Webhooks answered " + outcome)
                .tag("channel", channel).register(registry).increment();
        stop(sample, channel, outcome);
    }

    /** A webhook refused; {@code reason} is its problem type slug. */
    public void webhookRejected(String channel, String reason, Timer.Sample sample) {
        Counter.builder("support.webhooks.rejected").description("Webhooks refused, by reason")
                .tag("channel", channel).tag("reason", reason).register(registry).increment();
        stop(sample, channel, REJECTED);
    }

    /** One item of a webhook (which may carry several) ended {@code outcome}: accepted or duplicate. */
    public void itemAnswered(String channel, String outcome) {
        Counter.builder("support.webhooks." + outcome).description("Webhooks answered " + outcome)
                .tag("channel", channel).register(registry).increment();
    }

    /** One item the suite does not act on (an echo, a receipt, an auto-reply), by reason. */
    public void itemIgnored(String channel, String reason) {
        Counter.builder("support.webhooks.ignored").description("Webhook items dropped on purpose, by reason")
                .tag("channel", channel).tag("reason", reason).register(registry).increment();
    }

    /** A webhook whose items were counted one by one is answered: only its latency is recorded. */
    public void webhookDone(String channel, String outcome, Timer.Sample sample) {
        stop(sample, channel, outcome);
    }

    /**
     * One outbound message reached its end: {@code outcome} is succeeded or failed; {@code latency} runs from
     * the command's request (the agent's reply, the acknowledgement) to that end, queueing and retries included.
     */
    public void delivered(String channel, String outcome, boolean permanent, int attempts, Duration latency) {
        Counter.builder("support.deliveries").description("Outbound messages by outcome")
                .tag("channel", channel).tag("outcome", outcome).tag("permanent", String.valueOf(permanent))
                .register(registry).increment();
        registry.summary("support.delivery.attempts", "channel", channel, "outcome", outcome).record(attempts);
        Timer.builder("support.delivery.latency").description("Outbound message requested to delivered or failed, per channel")
                .tag("channel", channel).tag("outcome", outcome).publishPercentiles(0.5, 0.99).publishPercentileHistogram()
                .register(registry).record(latency.isNegative() ? Duration.ZERO : latency);
    }

    private void stop(Timer.Sample sample, String channel, String outcome) {
        sample.stop(Timer.builder("support.webhooks.latency").description("Webhook request to answer")
                .tag("channel", channel).tag("outcome", outcome).publishPercentiles(0.5, 0.99).register(registry));
    }
}
