package io.supportsuite.notifications.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.supportsuite.notifications.alert.OpsAlert;

/** Business metrics: customer notifications published by kind, ops alerts by delivery outcome. */
@ApplicationScoped
public class NotificationMetrics {

    /** Outcome of one delivery attempt that will be tried again. */
    public static final String RETRY = "retry";

    private final MeterRegistry registry;

    public NotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Registered up front, so dashboards see zeros rather than missing series.
        published(Acknowledgements.KIND, 0);
        for (String outcome : new String[] { OpsAlert.SENT, RETRY, OpsAlert.FAILED, OpsAlert.NO_SINK }) {
            alerts(outcome, 0);
        }
    }

    /** A customer message of this kind committed to the outbox. */
    public void published(String kind) {
        published(kind, 1);
    }

    /** An ops alert reached this outcome: sent, retry, failed, or no_sink (recorded without a webhook). */
    public void alert(String outcome) {
        alerts(outcome, 1);
    }

    private void published(String kind, int n) {
        Counter.builder("support.notifications.published").description("Customer notifications queued for sending")
                .tag("kind", kind).register(registry).increment(n);
    }

    private void alerts(String outcome, int n) {
        Counter.builder("support.ops.alerts").description("Ops alert outcomes (N8)")
                .tag("outcome", outcome).register(registry).increment(n);
    }
}
