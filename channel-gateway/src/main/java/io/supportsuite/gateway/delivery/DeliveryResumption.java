package io.supportsuite.gateway.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.outbound.MessageSend;
import io.supportsuite.gateway.config.GatewayConfig;
import io.supportsuite.runtime.schema.SchemaMigrator;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Deliveries claimed by an instance that died before recording an outcome. Once even their worst case of
 * attempts and back-offs is over (plus {@code gateway.delivery.resume-margin}), a round claims them anew and
 * sends them again from the stored command.
 *
 * <p><b>A resumed delivery is sent again, knowingly.</b> Nothing tells whether the SMTP server (or the
 * provider's API) accepted the message before the instance died: the claim is committed before the send and
 * the outcome after it, and SMTP has no idempotency key to ask with. The choice is at-least-once for this
 * window: the customer may get the message twice (an e-mail copy carries the same Message-ID, which mail
 * clients use to recognise it), but never zero times, and one outcome is reported. The alternative,
 * reporting such a delivery as failed without sending, would lose every message the crash interrupted
 * before it reached the provider, and that is the more common case for a crash mid-send.
 *
 * <p>Each orphan is claimed on its own, just before it is sent, with a conditional update (still
 * {@code sending}, claim still older than the cut-off, row not locked by another round): of several
 * instances, one wins each row, and a row's new claim is never older than its send, so another instance
 * cannot take it over while it is being sent. The first instance, should it come back, finds a different
 * claim time and records nothing. A stored command that cannot be read is reported as a permanent failure
 * rather than retried forever.
 */
@ApplicationScoped
public class DeliveryResumption {

    /** At most this many orphans per round; the next round takes the rest. */
    private static final int ROUND = 100;

    /** A claimed orphan; {@code readable} false when its stored command could not be read back. */
    private record Orphan(DeliveryService.Claim claim, boolean readable) {
    }

    private final Pool pool;
    private final DeliveryService deliveries;
    private final RetryBudget retries;
    private final GatewayConfig.Delivery config;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final SchemaMigrator schema;

    public DeliveryResumption(Pool pool, DeliveryService deliveries, RetryBudget retries, GatewayConfig config,
            ObjectMapper mapper, Clock clock, SchemaMigrator schema) {
        this.schema = schema;
        this.pool = pool;
        this.deliveries = deliveries;
        this.retries = retries;
        this.config = config.delivery();
        this.mapper = mapper;
        this.clock = clock;
    }

    @Scheduled(identity = "delivery-resumption", every = "${gateway.delivery.resume-every:PT15S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> resumeInterrupted() {
        if (!schema.isMigrated()) {
            return Uni.createFrom().voidItem(); // no delivery table to look in yet
        }
        return resumeNext(ROUND)
                .onFailure().invoke(e -> Log.warnf("Resuming interrupted deliveries failed; next round retries: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Claims one orphan, sends it, then goes on with the next, up to {@code left} of them. */
    private Uni<Void> resumeNext(int left) {
        if (left == 0) {
            return Uni.createFrom().voidItem();
        }
        return claimOne().chain(orphan -> orphan == null ? Uni.createFrom().voidItem()
                : resume(orphan).chain(() -> resumeNext(left - 1)));
    }

    private Uni<Orphan> claimOne() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant abandonedBefore = now.minus(retries.worstCase()).minus(config.resumeMargin());
        return pool.preparedQuery("""
                UPDATE delivery SET claimed_at = $1
                WHERE idempotency_key = (
                    SELECT idempotency_key FROM delivery WHERE status = 'sending' AND claimed_at < $2
                    ORDER BY claimed_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                  AND status = 'sending' AND claimed_at < $2
                RETURNING idempotency_key, command::text, kind, ticket_id, channel, requested_at""")
                .execute(Tuple.of(now.atOffset(ZoneOffset.UTC), abandonedBefore.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    for (Row row : rows) {
                        String key = row.getString(0);
                        MessageSend command = command(key, row.getString(1));
                        if (command == null) {
                            // Enough to report the outcome with; there is nothing to send.
                            command = new MessageSend(key, row.getString(2), row.getString(3), null, row.getString(4), null, null,
                                    null, null, null, null, row.getOffsetDateTime(5) == null ? null : row.getOffsetDateTime(5).toInstant());
                            return new Orphan(new DeliveryService.Claim(key, command, now), false);
                        }
                        return new Orphan(new DeliveryService.Claim(key, command, now), true);
                    }
                    return null;
                });
    }

    private Uni<Void> resume(Orphan orphan) {
        DeliveryService.Claim claim = orphan.claim();
        if (!orphan.readable()) {
            return deliveries.fail(claim, "stored command unreadable; not resent");
        }
        Log.warnf("Outbound %s was claimed by an instance that stopped mid-send; sending it again", claim.key());
        return deliveries.send(claim);
    }

    private MessageSend command(String key, String json) {
        try {
            return json == null ? null : mapper.readValue(json, MessageSend.class);
        } catch (Exception e) {
            Log.errorf(e, "Outbound %s cannot be resumed: its stored command is unreadable", key);
            return null;
        }
    }
}
