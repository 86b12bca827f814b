package io.supportsuite.gateway.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

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
import io.supportsuite.gateway.config.GatewayConfig;
import io.supportsuite.gateway.email.EmailSender;
import io.supportsuite.gateway.email.MailAddress;
import io.supportsuite.gateway.email.SmtpFailures;
import io.supportsuite.runtime.outbox.Outbox;

/**
 * Delivers one outbound command at most once per idempotency key and reports exactly one outcome.
 *
 * <p>Three steps, so no database connection waits on a provider: the delivery row is claimed (inserted with
 * the command) in the caller's transaction, which commits; the message is sent, with retries; the outcome and
 * its event (through the outbox) commit in a transaction of their own. A copy of the command arriving later
 * finds the row and sends nothing. A claim whose instance died mid-send is resumed by
 * {@link DeliveryResumption}, which claims it anew and sends it again (at-least-once for that window; see
 * there why): the late first sender, should it come back, then records nothing, so one outcome is reported
 * either way.
 */
@ApplicationScoped
public class DeliveryService {

    /** A delivery this instance claimed and now sends. */
    public record Claim(String key, MessageSend command, Instant claimedAt) {
    }

    private final EmailSender email;
    private final RetryBudget retries;
    private final Outbox outbox;
    private final Clock clock;
    private final GatewayMetrics metrics;
    private final ProviderSenders senders;
    private final ObjectMapper mapper;
    private final GatewayConfig.Delivery config;

    public DeliveryService(EmailSender email, RetryBudget retries, Outbox outbox, Clock clock, GatewayMetrics metrics,
            ProviderSenders senders, ObjectMapper mapper, GatewayConfig config) {
        this.senders = senders;
        this.email = email;
        this.retries = retries;
        this.outbox = outbox;
        this.clock = clock;
        this.metrics = metrics;
        this.mapper = mapper;
        this.config = config.delivery();
    }

    /**
     * Call inside a transaction: the claim commits with it. {@code key} is the command's idempotency key.
     *
     * @return the claim, or null when the key was claimed before (nothing to send)
     */
    public Uni<Claim> claim(String key, MessageSend command) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // The command goes in as text and is parsed by the database: a String bound straight to a jsonb
        // parameter is stored as one JSON string, which no reader can turn back into a command.
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO delivery (idempotency_key, kind, ticket_id, channel, recipient, status, requested_at, command, claimed_at)
                VALUES (:key, :kind, :ticketId, :channel, :recipient, :status, :requestedAt, CAST(CAST(:command AS text) AS jsonb), :claimedAt)
                ON CONFLICT DO NOTHING""")
                .setParameter("key", key)
                .setParameter("kind", command.kind())
                .setParameter("ticketId", command.ticketId())
                .setParameter("channel", String.valueOf(command.channel()))
                .setParameter("recipient", command.recipient() == null ? null : command.recipient().value())
                .setParameter("status", Delivery.SENDING)
                .setParameter("requestedAt", command.requestedAt() == null ? now : command.requestedAt())
                .setParameter("command", json(command))
                .setParameter("claimedAt", now)
                .executeUpdate())
                .map(inserted -> {
                    if (inserted == 1) {
                        return new Claim(key, command, now);
                    }
                    Log.infof("Outbound %s already handled; nothing sent", key);
                    return null;
                });
    }

    /**
     * Outside any transaction: sends the claimed message, then records its outcome and event once. Never fails:
     * an outcome that cannot be recorded leaves the claim to {@link DeliveryResumption}, which sends it again.
     */
    public Uni<Void> send(Claim claim) {
        return dispatch(claim.key(), claim.command()).chain(outcome -> recordOnce(claim, outcome));
    }

    /** Reports a claimed delivery as failed permanently without sending it. Never fails, like {@link #send}. */
    public Uni<Void> fail(Claim claim, String reason) {
        return recordOnce(claim, DeliveryOutcome.failed(true, reason, 0));
    }

    /**
     * Retried for half the resume margin at most, so the claim is still this attempt's while it retries: a
     * resumption round only takes claims older than the worst case of the send plus the whole margin.
     */
    private Uni<Void> recordOnce(Claim claim, DeliveryOutcome outcome) {
        return Panache.withTransaction(() -> record(claim, outcome))
                .onFailure().retry().withBackOff(config.initialBackoff(), config.maxBackoff())
                .expireIn(config.resumeMargin().dividedBy(2).toMillis())
                .onFailure().invoke(e -> Log.errorf(e, "Outcome of %s not recorded; it will be sent again", claim.key()))
                .onFailure().recoverWithNull();
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

    private Uni<Void> record(Claim claim, DeliveryOutcome outcome) {
        MessageSend command = claim.command();
        String key = claim.key();
        String channel = String.valueOf(command.channel());
        String subject = command.ticketId() != null ? command.ticketId() : key;
        return Delivery.<Delivery>findById(key, LockModeType.PESSIMISTIC_WRITE).chain(delivery -> {
            if (delivery == null || !Delivery.SENDING.equals(delivery.status) || !claim.claimedAt().equals(delivery.claimedAt)) {
                Log.warnf("Outbound %s was resumed elsewhere while this instance sent it; its outcome is theirs to report", key);
                return Uni.createFrom().item(false);
            }
            delivery.status = outcome.succeeded() ? Delivery.SUCCEEDED : Delivery.FAILED;
            delivery.permanent = outcome.permanent();
            delivery.attempts = outcome.attempts();
            delivery.providerMessageId = outcome.providerMessageId();
            delivery.reason = outcome.reason();
            delivery.completedAt = clock.instant();
            if (outcome.succeeded()) {
                return outbox.append(Topics.DELIVERY, key, EventTypes.DELIVERY_SUCCEEDED, subject,
                        new DeliverySucceeded(key, command.kind(), command.ticketId(), channel, outcome.providerMessageId(),
                                outcome.attempts(), delivery.completedAt)).replaceWith(true);
            }
            Log.warnf("Outbound %s failed after %d attempt(s), permanent=%s: %s", key, outcome.attempts(), outcome.permanent(),
                    outcome.reason());
            return outbox.append(Topics.DELIVERY, key, EventTypes.DELIVERY_FAILED, subject,
                    new DeliveryFailed(key, command.kind(), command.ticketId(), channel, outcome.permanent(), outcome.reason(),
                            outcome.attempts(), delivery.completedAt)).replaceWith(true);
        }).invoke(recorded -> {
            if (recorded) {
                metrics.delivered(channel, outcome.succeeded() ? Delivery.SUCCEEDED : Delivery.FAILED, outcome.permanent(),
                        outcome.attempts(), Duration.between(command.requestedAt() == null ? claim.claimedAt() : command.requestedAt(),
                                clock.instant()));
            }
        }).replaceWithVoid();
    }

    private String json(MessageSend command) {
        try {
            return mapper.writeValueAsString(command);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Outbound command not serialisable", e);
        }
    }
}
