package io.supportsuite.runtime.inbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Idempotent consumption: an event's effect and the record that it was handled commit in one transaction,
 * so a redelivered event changes nothing. Failures are retried with back-off for a while (a database restart
 * must not dead-letter valid events); an unreadable body, or what still fails after that, goes to the
 * channel's dead-letter queue.
 */
@ApplicationScoped
public class Inbox {

    private final ObjectMapper mapper;
    private final InboxConfig config;
    private final Pool pool;
    private final DeadLetters deadLetters;

    public Inbox(ObjectMapper mapper, InboxConfig config, Pool pool, DeadLetters deadLetters) {
        this.mapper = mapper;
        this.config = config;
        this.pool = pool;
        this.deadLetters = deadLetters;
    }

    /**
     * Runs {@code effect} in a transaction unless {@code consumer} already handled this event.
     *
     * @return true when the effect ran, false for a duplicate
     */
    public Uni<Boolean> handleOnce(String consumer, IncomingEvent event, Function<IncomingEvent, Uni<Void>> effect) {
        return Panache.withTransaction(() -> claim(consumer, event.id())
                .chain(first -> first ? effect.apply(event).replaceWith(true) : Uni.createFrom().item(false)))
                .onFailure(e -> !(e instanceof UnreadableEventException))
                .retry().withBackOff(config.firstBackoff(), config.maxBackoff()).expireIn(config.retryFor().toMillis())
                .onFailure().invoke(e -> Log.errorf(e, "%s could not handle %s %s", consumer, event.type(), event.id()));
    }

    /**
     * A whole poll of records, each event handled once, in one transaction: in record order each event is claimed,
     * its effect run and flushed, so that the next one sees it as it would after a commit of its own. One transaction
     * instead of one per event saves a begin, a commit, a session and a connection per event. Should the batch fail,
     * each event is handled on its own ({@link #handleOnce}, with its retries); one that still fails, or cannot be
     * read, goes to the dead-letter topic while the rest of the poll goes on.
     *
     * @param effectOf an event's effect, or null for a type the consumer does not handle (skipped)
     * @return the events whose effect committed, in record order
     */
    public Uni<List<IncomingEvent>> handleEachOnce(String consumer, ConsumerRecords<String, String> records,
            Function<IncomingEvent, Function<IncomingEvent, Uni<Void>>> effectOf) {
        List<Pending> pending = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            IncomingEvent event = IncomingEvent.of(record);
            Function<IncomingEvent, Uni<Void>> effect = effectOf.apply(event);
            if (effect != null) {
                pending.add(new Pending(record, event, effect));
            }
        }
        if (pending.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.withTransaction(() -> Multi.createFrom().iterable(pending)
                .onItem().transformToUniAndConcatenate(p -> claim(consumer, p.event().id())
                        .chain(first -> first
                                ? p.effect().apply(p.event()).chain(() -> Panache.getSession().chain(s -> s.flush()))
                                        .replaceWith(List.of(p.event()))
                                : Uni.createFrom().item(List.<IncomingEvent>of())))
                .collect().in(ArrayList<IncomingEvent>::new, List::addAll))
                .map(List::copyOf)
                .onFailure().recoverWithUni(e -> {
                    Log.debugf(e, "%s: a batch of %d events failed; handling them one at a time", consumer, pending.size());
                    return oneByOne(consumer, pending);
                });
    }

    private Uni<List<IncomingEvent>> oneByOne(String consumer, List<Pending> pending) {
        return Multi.createFrom().iterable(pending)
                .onItem().transformToUniAndConcatenate(p -> handleOnce(consumer, p.event(), p.effect())
                        .map(ran -> ran ? List.of(p.event()) : List.<IncomingEvent>of())
                        .onFailure().recoverWithUni(e -> deadLetters.send(p.record(), e).replaceWith(List.<IncomingEvent>of())))
                .collect().in(ArrayList<IncomingEvent>::new, List::addAll)
                .map(List::copyOf);
    }

    /** An event of a poll that the consumer handles, with its record (for the dead-letter topic) and effect. */
    private record Pending(ConsumerRecord<String, String> record, IncomingEvent event, Function<IncomingEvent, Uni<Void>> effect) {
    }

    /**
     * The batch form of {@link #handleOnce}, for a whole poll of records: one transaction on {@code connection}
     * level SQL claims every event and runs {@code effect} on those not handled before (in their order, each id
     * once), so a batch costs a few round trips instead of several per event. Retried whole, like handleOnce.
     */
    public <T> Uni<T> handleAllOnce(String consumer, List<IncomingEvent> events,
            BiFunction<SqlConnection, List<IncomingEvent>, Uni<T>> effect) {
        return pool.withTransaction(connection -> claimAll(connection, consumer, events)
                .chain(claimed -> effect.apply(connection, claimed)))
                .onFailure(e -> !(e instanceof UnreadableEventException))
                .retry().withBackOff(config.firstBackoff(), config.maxBackoff()).expireIn(config.retryFor().toMillis())
                .onFailure().invoke(e -> Log.errorf(e, "%s could not handle a batch of %d events", consumer, events.size()));
    }

    private static Uni<List<IncomingEvent>> claimAll(SqlConnection connection, String consumer, List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String[] ids = events.stream().map(IncomingEvent::id).toArray(String[]::new);
        return connection.preparedQuery("INSERT INTO inbox (consumer, ce_id) SELECT $1, id FROM unnest($2::text[]) AS t(id) "
                + "ON CONFLICT DO NOTHING RETURNING ce_id")
                .execute(Tuple.of(consumer, ids))
                .map(rows -> {
                    Set<String> claimed = new HashSet<>();
                    rows.forEach(row -> claimed.add(row.getString(0)));
                    List<IncomingEvent> first = new ArrayList<>(claimed.size());
                    for (IncomingEvent event : events) {
                        if (claimed.remove(event.id())) {
                            first.add(event);
                        }
                    }
                    return first;
                });
    }

    /** The event body as its record type; an unreadable body is not retried (it goes to the dead-letter queue). */
    public <T> T read(IncomingEvent event, Class<T> type) {
        try {
            return mapper.readValue(event.data(), type);
        } catch (Exception e) {
            throw new UnreadableEventException(event, e);
        }
    }

    private Uni<Boolean> claim(String consumer, String eventId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("INSERT INTO inbox (consumer, ce_id) VALUES (:consumer, :id) ON CONFLICT DO NOTHING")
                .setParameter("consumer", consumer)
                .setParameter("id", eventId)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** A record whose body does not match its type: poison, not a transient failure. */
    public static class UnreadableEventException extends RuntimeException {
        public UnreadableEventException(IncomingEvent event, Throwable cause) {
            super("Unreadable " + event.type() + " " + event.id() + ": " + cause.getMessage(), cause);
        }
    }
}
