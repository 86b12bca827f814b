package io.supportsuite.notifications.messaging;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.supportsuite.notifications.service.Acknowledgements;
import io.supportsuite.notifications.service.NotificationMetrics;
import io.supportsuite.runtime.inbox.Inbox;
import io.supportsuite.runtime.inbox.IncomingEvent;

/**
 * One half of an acknowledgement (N1) — the ticket or its clock, whichever arrives — handled once; the ack
 * it may complete is counted only after the transaction committed.
 */
@ApplicationScoped
class AcknowledgementStep {

    private final Inbox inbox;
    private final NotificationMetrics metrics;

    AcknowledgementStep(Inbox inbox, NotificationMetrics metrics) {
        this.inbox = inbox;
        this.metrics = metrics;
    }

    /** {@code step} answers whether it published the acknowledgement. */
    <T> Uni<Void> handle(IncomingEvent event, Class<T> type, Function<T, Uni<Boolean>> step) {
        AtomicBoolean acked = new AtomicBoolean();
        return inbox.handleOnce(InboxConsumer.NAME, event, e -> {
            acked.set(false); // a retried transaction starts over
            return step.apply(inbox.read(e, type)).invoke(acked::set).replaceWithVoid();
        }).invoke(() -> {
            if (acked.get()) {
                metrics.published(Acknowledgements.KIND); // counted once committed
            }
        }).replaceWithVoid();
    }
}
