package io.supportsuite.gateway.delivery;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.Channels;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.delivery.DeliveryFailed;
import io.supportsuite.events.delivery.DeliverySucceeded;
import io.supportsuite.events.outbound.MessageSend;
import io.supportsuite.gateway.GatewayMetrics;
import io.supportsuite.gateway.email.EmailSender;
import io.supportsuite.gateway.email.MailAddress;
import io.supportsuite.gateway.email.SmtpFailures;
import io.supportsuite.runtime.outbox.Outbox;

/**
 * Delivers one outbound command at most once per idempotency key and reports exactly one outcome.
 *
 * <p>Runs inside the consumer's transaction: the delivery row is inserted first (a concurrent copy of the
 * command waits on its lock), the message is sent, and the outcome and its event (through the outbox)
 * commit together with the row. A copy arriving later finds the row and sends nothing.
 */
@ApplicationScoped
public class DeliveryService {

    private final EmailSender email;
    private final RetryBudget retries;
    private final Outbox outbox;
    private final Clock clock;
    private final GatewayMetrics metrics;
    private final ProviderSenders senders;

    public DeliveryService(EmailSender email, RetryBudget retries, Outbox outbox, Clock clock, GatewayMetrics metrics,
            ProviderSenders senders) {
        this.senders = senders;
        this.email = email;
        this.retries = retries;
        this.outbox = outbox;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Call inside a transaction. {@code key} is the command's idempotency key. */
    public Uni<Void> deliver(String key, MessageSend command) {
        return claim(key, command).chain(claimed -> {
            if (!claimed) {
                Log.infof("Outbound %s already handled; nothing sent", key);
                return Uni.createFrom().voidItem();
            }
            return dispatch(key, command).chain(outcome -> record(key, command, outcome));
        });
    }

    private Uni<DeliveryOutcome> dispatch(String key, MessageSend command) {
        if (!Channels.EMAIL.equals(command.channel())) {
            return senders.forChannel(command.channel())
                    .map(sender -> retries.run(() -> sender.send(key, command), ProviderFailure::isPermanent, ProviderFailure::describe))
                    .orElseGet(() -> Uni.createFrom().item(
                            DeliveryOutcome.failed(true, "channel " + command.channel() + " not supported yet", 0)));
        }
        if (command.recipient() == null || !"email".equals(command.recipient().kind())
                || !MailAddress.isValid(command.recipient().value())) {
            return Uni.createFrom().item(DeliveryOutcome.failed(true, "invalid recipient: "
                    + (command.recipient() == null ? "none" : command.recipient().kind() + " " + command.recipient().value()), 0));
        }
        return retries.run(() -> email.send(key, command), SmtpFailures::isPermanent, SmtpFailures::describe);
    }

    private Uni<Boolean> claim(String key, MessageSend command) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO delivery (idempotency_key, kind, ticket_id, channel, recipient, status, requested_at)
                VALUES (:key, :kind, :ticketId, :channel, :recipient, :status, :requestedAt)
                ON CONFLICT DO NOTHING""")
                .setParameter("key", key)
                .setParameter("kind", command.kind())
                .setParameter("ticketId", command.ticketId())
                .setParameter("channel", String.valueOf(command.channel()))
                .setParameter("recipient", command.recipient() == null ? null : command.recipient().value())
                .setParameter("status", Delivery.SENDING)
                .setParameter("requestedAt", command.requestedAt() == null ? clock.instant() : command.requestedAt())
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    private Uni<Void> record(String key, MessageSend command, DeliveryOutcome outcome) {
        String channel = String.valueOf(command.channel());
        String subject = command.ticketId() != null ? command.ticketId() : key;
        return Delivery.<Delivery>findById(key).chain(delivery -> {
            delivery.status = outcome.succeeded() ? Delivery.SUCCEEDED : Delivery.FAILED;
            delivery.permanent = outcome.permanent();
            delivery.attempts = outcome.attempts();
            delivery.providerMessageId = outcome.providerMessageId();
            delivery.reason = outcome.reason();
            delivery.completedAt = clock.instant();
            if (outcome.succeeded()) {
                return outbox.append(Topics.DELIVERY, key, EventTypes.DELIVERY_SUCCEEDED, subject,
                        new DeliverySucceeded(key, command.kind(), command.ticketId(), channel, outcome.providerMessageId(),
                                outcome.attempts(), delivery.completedAt));
            }
            Log.warnf("Outbound %s failed after %d attempt(s), permanent=%s: %s", key, outcome.attempts(), outcome.permanent(),
                    outcome.reason());
            return outbox.append(Topics.DELIVERY, key, EventTypes.DELIVERY_FAILED, subject,
                    new DeliveryFailed(key, command.kind(), command.ticketId(), channel, outcome.permanent(), outcome.reason(),
                            outcome.attempts(), delivery.completedAt));
        }).invoke(() -> metrics.delivered(channel, outcome.succeeded() ? Delivery.SUCCEEDED : Delivery.FAILED,
                outcome.permanent(), outcome.attempts(), Duration.between(
                        command.requestedAt() == null ? clock.instant() : command.requestedAt(), clock.instant())))
                .replaceWithVoid();
    }
}
