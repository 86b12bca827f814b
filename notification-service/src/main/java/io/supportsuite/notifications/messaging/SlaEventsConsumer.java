package io.supportsuite.notifications.messaging;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.sla.SlaBreached;
import io.supportsuite.events.sla.SlaClockStarted;
import io.supportsuite.events.sla.SlaWarning;
import io.supportsuite.notifications.alert.OpsAlert;
import io.supportsuite.notifications.schedule.Schedules;
import io.supportsuite.notifications.service.Acknowledgements;
import io.supportsuite.notifications.service.AgentNotices;
import io.supportsuite.notifications.service.NotificationMetrics;
import io.supportsuite.notifications.service.OpsAlerts;
import io.supportsuite.runtime.inbox.Inbox;
import io.supportsuite.runtime.inbox.IncomingEvent;

/**
 * {@code support.sla.v1}: a started first-response clock may complete an ack (N1); its 80 % warning schedules
 * the delay notice (N2) and tells the ticket's assignee, and a VIP ticket's at-risk stage alerts ops; a breach is an
 * ops alert (N8).
 */
@ApplicationScoped
public class SlaEventsConsumer {

    private final SchemaGate schema;
    private final Inbox inbox;
    private final Acknowledgements acknowledgements;
    private final AcknowledgementStep acknowledgement;
    private final OpsAlerts alerts;
    private final NotificationMetrics metrics;
    private final Schedules schedules;
    private final AgentNotices agents;

    public SlaEventsConsumer(SchemaGate schema, Inbox inbox, Acknowledgements acknowledgements,
            AcknowledgementStep acknowledgement, OpsAlerts alerts, NotificationMetrics metrics, Schedules schedules,
            AgentNotices agents) {
        this.agents = agents;
        this.schedules = schedules;
        this.schema = schema;
        this.inbox = inbox;
        this.acknowledgements = acknowledgements;
        this.acknowledgement = acknowledgement;
        this.alerts = alerts;
        this.metrics = metrics;
    }

    @Incoming("sla")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        return schema.open().chain(() -> handle(event));
    }

    private Uni<Void> handle(IncomingEvent event) {
        String type = event.type() == null ? "" : event.type();
        return switch (type) {
            case EventTypes.SLA_CLOCK_STARTED -> clockStarted(event);
            case EventTypes.SLA_BREACHED -> breached(event);
            case EventTypes.SLA_WARNING -> inbox.handleOnce(InboxConsumer.NAME, event,
                    e -> {
                        SlaWarning warning = inbox.read(e, SlaWarning.class);
                        return schedules.warning(warning).chain(() -> agents.warning(warning))
                                .chain(() -> alerts.atRisk(warning)).replaceWithVoid();
                    }).replaceWithVoid();
            default -> Uni.createFrom().voidItem(); // not ours to handle; still acknowledged
        };
    }

    private Uni<Void> clockStarted(IncomingEvent event) {
        return acknowledgement.handle(event, SlaClockStarted.class, acknowledgements::clockStarted);
    }

    private Uni<Void> breached(IncomingEvent event) {
        AtomicReference<String> state = new AtomicReference<>();
        return inbox.handleOnce(InboxConsumer.NAME, event, e -> {
            state.set(null); // a retried transaction starts over
            return alerts.breached(inbox.read(e, SlaBreached.class)).invoke(state::set).replaceWithVoid();
        }).invoke(() -> {
            if (OpsAlert.NO_SINK.equals(state.get())) {
                metrics.alert(OpsAlert.NO_SINK); // counted once committed
            }
        }).replaceWithVoid();
    }
}
