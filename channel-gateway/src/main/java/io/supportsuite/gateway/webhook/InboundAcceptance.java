package io.supportsuite.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.supportsuite.events.Topics;
import io.supportsuite.events.inbound.MessageReceived;
import io.supportsuite.gateway.VertxContexts;
import io.supportsuite.gateway.config.GatewayConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Accepts an inbound message, or a live-contact event, at most once per (channel, provider id) (C4),
 * durably, without holding a database connection while Kafka acknowledges.
 *
 * <p>A receipt row is claimed (its primary key is the dedup key), the event published, and the receipt marked
 * accepted once the broker acknowledged; when Kafka fails the claim is released and nothing is accepted. Posts
 * of one message that arrive while it is being accepted by this instance wait for that attempt and are then
 * answered as duplicates (or fail with it); one in flight on another instance is answered "retry later"
 * until it is accepted. A claim left behind by a crashed instance is taken over after
 * {@code gateway.webhook.claim-takeover} and published again under the same event id (consumers dedupe by id).
 * Each attempt runs to its end even when the provider hangs up, so nothing is left half-accepted. Claims and
 * confirmations of concurrent webhooks are written together, a statement per batch ({@link GroupCommit}).
 */
@ApplicationScoped
public class InboundAcceptance {

    /** What a webhook answers: {@code accepted} or {@code duplicate}, and the (original) event id. */
    public record Outcome(boolean duplicate, UUID eventId, String conversationKey) {
    }

    /** The message is being accepted elsewhere right now: the provider should retry shortly. */
    public static class InFlightElsewhere extends RuntimeException {
        InFlightElsewhere(String channel, String providerMessageId) {
            super("Message " + channel + "/" + providerMessageId + " is being accepted by another instance");
        }
    }

    private record DedupKey(String channel, String providerMessageId) {
    }

    private record Claim(DedupKey key, UUID eventId, String conversationKey, OffsetDateTime receivedAt, OffsetDateTime claimedAt) {
    }

    private final InboundPublisher publisher;
    private final Pool pool;
    private final GatewayConfig config;
    private final Clock clock;
    private final ConcurrentHashMap<DedupKey, CompletableFuture<Outcome>> inFlight = new ConcurrentHashMap<>();
    private final GroupCommit<Claim, Boolean> claims;
    private final GroupCommit<DedupKey, Boolean> confirms;

    public InboundAcceptance(InboundPublisher publisher, Pool pool, GatewayConfig config, Clock clock) {
        this.publisher = publisher;
        this.pool = pool;
        this.config = config;
        this.clock = clock;
        this.claims = new GroupCommit<>(config.webhook().batchMax(), config.webhook().batchWriters(), this::claimAll);
        this.confirms = new GroupCommit<>(config.webhook().batchMax(), config.webhook().batchWriters(), this::confirmAll);
    }

    /** A customer message, for {@code support.inbound.v1}. */
    public Uni<Outcome> accept(String conversationKey, MessageReceived message) {
        return accept(message.channel(), message.providerMessageId(), conversationKey, message.receivedAt(),
                eventId -> publisher.publish(eventId, conversationKey, message));
    }

    /** A live-contact event (offered, answered, abandoned, callback requested), for {@code support.contact.v1}. */
    public Uni<Outcome> accept(InboundItem.Contact contact) {
        return accept(contact.channel(), contact.providerId(), contact.contactId(), null,
                eventId -> publisher.publish(Topics.CONTACT, eventId, contact.contactId(), contact.type(), contact.event()));
    }

    private Uni<Outcome> accept(String channel, String providerId, String conversationKey, Instant receivedAt,
            Function<UUID, Uni<Void>> publish) {
        DedupKey key = new DedupKey(channel, providerId);
        Executor context = VertxContexts.current();
        CompletableFuture<Outcome> mine = new CompletableFuture<>();
        CompletableFuture<Outcome> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return Uni.createFrom().completionStage(running)
                    .map(outcome -> new Outcome(true, outcome.eventId(), outcome.conversationKey()))
                    .emitOn(context);
        }
        attempt(key, conversationKey, receivedAt, publish).subscribe().with(
                outcome -> {
                    inFlight.remove(key, mine);
                    mine.complete(outcome);
                },
                failure -> {
                    inFlight.remove(key, mine);
                    mine.completeExceptionally(failure);
                });
        return Uni.createFrom().completionStage(mine).emitOn(context);
    }

    /**
     * The event id is derived from the dedup key, so that a record the broker stored after the gateway had
     * given up on it carries the same id as the provider's retry: consumers dedupe by id.
     */
    static UUID eventId(String channel, String providerMessageId) {
        return UUID.nameUUIDFromBytes((channel + ":" + providerMessageId).getBytes(StandardCharsets.UTF_8));
    }

    private Uni<Outcome> attempt(DedupKey key, String conversationKey, Instant receivedAt, Function<UUID, Uni<Void>> publish) {
        UUID eventId = eventId(key.channel(), key.providerMessageId());
        return claim(key, eventId, conversationKey, receivedAt).chain(claimed -> claimed
                ? publish(key, eventId, conversationKey, publish)
                : existing(key).chain(row -> {
                    if (row == null) {
                        return Uni.createFrom().failure(new InFlightElsewhere(key.channel(), key.providerMessageId()));
                    }
                    if (row.getOffsetDateTime("accepted_at") != null) {
                        return Uni.createFrom().item(new Outcome(true, row.getUUID("event_id"), row.getString("conversation_key")));
                    }
                    return takeOver(key, row.getOffsetDateTime("claimed_at")).chain(tookOver -> tookOver
                            ? publish(key, row.getUUID("event_id"), row.getString("conversation_key"), publish)
                            : Uni.createFrom().failure(new InFlightElsewhere(key.channel(), key.providerMessageId())));
                }));
    }

    private Uni<Outcome> publish(DedupKey key, UUID eventId, String conversationKey, Function<UUID, Uni<Void>> publish) {
        return publish.apply(eventId)
                .onFailure().call(failure -> release(key))
                .chain(() -> confirm(key))
                .replaceWith(new Outcome(false, eventId, conversationKey));
    }

    private Uni<Boolean> claim(DedupKey key, UUID eventId, String conversationKey, Instant receivedAt) {
        Claim claim = new Claim(key, eventId, conversationKey, utc(receivedAt != null ? receivedAt : clock.instant()),
                utc(clock.instant()));
        return Uni.createFrom().completionStage(() -> claims.submit(claim));
    }

    /**
     * Claims a batch with one statement; a row that already exists (a duplicate) is not returned. The rows go
     * in key order, so two instances claiming overlapping batches cannot deadlock.
     */
    private Uni<List<Boolean>> claimAll(List<Claim> batch) {
        int n = batch.size();
        String[] channels = new String[n], ids = new String[n], conversations = new String[n];
        UUID[] events = new UUID[n];
        OffsetDateTime[] received = new OffsetDateTime[n], claimed = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            Claim claim = batch.get(i);
            channels[i] = claim.key().channel();
            ids[i] = claim.key().providerMessageId();
            events[i] = claim.eventId();
            conversations[i] = claim.conversationKey();
            received[i] = claim.receivedAt();
            claimed[i] = claim.claimedAt();
        }
        return pool.preparedQuery("""
                INSERT INTO webhook_receipt (channel, provider_message_id, event_id, conversation_key, received_at, claimed_at)
                SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::timestamptz[], $6::timestamptz[])
                    AS c(channel, provider_message_id, event_id, conversation_key, received_at, claimed_at)
                ORDER BY channel, provider_message_id
                ON CONFLICT DO NOTHING
                RETURNING channel, provider_message_id""")
                .execute(Tuple.from(new Object[] { channels, ids, events, conversations, received, claimed }))
                .map(rows -> {
                    Set<DedupKey> inserted = new HashSet<>();
                    rows.forEach(row -> inserted.add(new DedupKey(row.getString(0), row.getString(1))));
                    return batch.stream().map(claim -> inserted.contains(claim.key())).toList();
                });
    }

    private Uni<Row> existing(DedupKey key) {
        return pool.preparedQuery("SELECT event_id, conversation_key, claimed_at, accepted_at FROM webhook_receipt "
                + "WHERE channel = $1 AND provider_message_id = $2")
                .execute(Tuple.of(key.channel(), key.providerMessageId()))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next() : null);
    }

    /** Takes over a claim older than the take-over age, unless someone else just did. */
    private Uni<Boolean> takeOver(DedupKey key, OffsetDateTime claimedAt) {
        Instant now = clock.instant();
        if (claimedAt.toInstant().isAfter(now.minus(config.webhook().claimTakeover()))) {
            return Uni.createFrom().item(false);
        }
        return pool.preparedQuery("UPDATE webhook_receipt SET claimed_at = $4 "
                + "WHERE channel = $1 AND provider_message_id = $2 AND claimed_at = $3 AND accepted_at IS NULL")
                .execute(Tuple.of(key.channel(), key.providerMessageId(), claimedAt, utc(now)))
                .map(rows -> rows.rowCount() == 1);
    }

    private Uni<Void> confirm(DedupKey key) {
        return Uni.createFrom().completionStage(() -> confirms.submit(key)).replaceWithVoid();
    }

    private Uni<List<Boolean>> confirmAll(List<DedupKey> batch) {
        String[] channels = batch.stream().map(DedupKey::channel).toArray(String[]::new);
        String[] ids = batch.stream().map(DedupKey::providerMessageId).toArray(String[]::new);
        return pool.preparedQuery("""
                UPDATE webhook_receipt r SET accepted_at = $3
                FROM unnest($1::text[], $2::text[]) AS k(channel, provider_message_id)
                WHERE r.channel = k.channel AND r.provider_message_id = k.provider_message_id""")
                .execute(Tuple.of(channels, ids, utc(clock.instant())))
                .map(rows -> batch.stream().map(key -> true).toList());
    }

    /** Kafka did not take it: nothing is accepted, and the provider's retry starts afresh. */
    private Uni<Void> release(DedupKey key) {
        return pool.preparedQuery("DELETE FROM webhook_receipt WHERE channel = $1 AND provider_message_id = $2 "
                + "AND accepted_at IS NULL")
                .execute(Tuple.of(key.channel(), key.providerMessageId()))
                .replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
