package io.supportsuite.gateway.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.outbound.MessageSend;
import io.supportsuite.gateway.config.GatewayConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Deliveries claimed by an instance that died before recording an outcome: once even their worst case of
 * attempts and back-offs is over (plus a margin), a round claims them anew (one instance wins each row) and
 * sends them. The customer may then get the message twice, as with any resend after a crash; never zero
 * times, and one outcome is reported.
 */
@ApplicationScoped
public class DeliveryResumption {

    private static final int ROUND = 100;

    private final Pool pool;
    private final DeliveryService deliveries;
    private final RetryBudget retries;
    private final GatewayConfig.Delivery config;
    private final ObjectMapper mapper;
    private final Clock clock;

    public DeliveryResumption(Pool pool, DeliveryService deliveries, RetryBudget retries, GatewayConfig config,
            ObjectMapper mapper, Clock clock) {
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
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant abandonedBefore = now.minus(retries.worstCase()).minus(config.resumeMargin());
        return pool.preparedQuery("""
                UPDATE delivery SET claimed_at = $1 WHERE idempotency_key IN (
                    SELECT idempotency_key FROM delivery WHERE status = 'sending' AND claimed_at < $2 AND command IS NOT NULL
                    ORDER BY claimed_at LIMIT $3 FOR UPDATE SKIP LOCKED)
                RETURNING idempotency_key, command::text""")
                .execute(Tuple.of(now.atOffset(ZoneOffset.UTC), abandonedBefore.atOffset(ZoneOffset.UTC), ROUND))
                .map(rows -> {
                    List<DeliveryService.Claim> claims = new ArrayList<>();
                    for (Row row : rows) {
                        claims.add(new DeliveryService.Claim(row.getString(0), command(row.getString(0), row.getString(1)), now));
                    }
                    return claims;
                })
                .onItem().transformToMulti(claims -> Multi.createFrom().iterable(claims))
                .filter(claim -> claim.command() != null)
                .invoke(claim -> Log.warnf("Outbound %s was claimed by an instance that stopped mid-send; sending it again", claim.key()))
                .onItem().transformToUniAndConcatenate(deliveries::send)
                .collect().last().replaceWithVoid()
                .onFailure().invoke(e -> Log.warnf("Resuming interrupted deliveries failed; next round retries: %s", e.getMessage()))
                .onFailure().recoverWithNull();
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
