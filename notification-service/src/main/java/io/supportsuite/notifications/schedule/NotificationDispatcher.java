package io.supportsuite.notifications.schedule;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.supportsuite.notifications.config.NotificationsConfig;
import io.supportsuite.notifications.notification.NotificationKind;
import io.supportsuite.notifications.service.CustomerMessages;
import io.supportsuite.notifications.service.NotificationMetrics;
import io.supportsuite.notifications.ticket.TicketContact;
import io.supportsuite.runtime.schema.SchemaMigrator;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The durable dispatcher of scheduled customer messages. Each round claims due rows with
 * {@code FOR UPDATE SKIP LOCKED} (several instances never take the same row), handles them one by one and
 * commits their new states with the messages' outbox records in one transaction (the round's tickets are read
 * with one query; its messages, their outbox records and the rows' states are written with one statement
 * each, whatever the batch size): a crash before commit
 * leaves them pending for the next round, a commit sends each once. A full batch is followed at once by
 * the next round, so a backlog (after a restart) drains without waiting for the poll interval; several
 * claimers run such rounds side by side.
 */
@ApplicationScoped
public class NotificationDispatcher {

    private static final String CLAIM = "SELECT * FROM scheduled_notification WHERE state = 'pending' AND due_at <= :now "
            + "ORDER BY due_at LIMIT :limit FOR UPDATE SKIP LOCKED";

    private final ScheduledSends sends;
    private final CustomerMessages messages;
    private final SchemaMigrator migrator;
    private final NotificationMetrics metrics;
    private final NotificationsConfig.Schedule config;
    private final Clock clock;
    private final Vertx vertx;

    public NotificationDispatcher(ScheduledSends sends, CustomerMessages messages, SchemaMigrator migrator,
            NotificationMetrics metrics, NotificationsConfig config, Clock clock, Vertx vertx) {
        this.vertx = vertx;
        this.sends = sends;
        this.messages = messages;
        this.migrator = migrator;
        this.metrics = metrics;
        this.config = config.schedule();
        this.clock = clock;
    }

    @Scheduled(every = "${notifications.schedule.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> dispatchDue() {
        if (!migrator.isMigrated()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> claimers = IntStream.range(0, Math.max(1, config.claimers()))
                .mapToObj(i -> onOwnContext(this::drain)).toList();
        return Uni.join().all(claimers).andCollectFailures().replaceWithVoid();
    }

    /** Rounds until one finds less than a full batch due. */
    private Uni<Void> drain() {
        return round().chain(claimed -> claimed >= config.batchSize() ? drain() : Uni.createFrom().voidItem());
    }

    /** A reactive session belongs to a Vert.x context: each claimer gets a context, and so a session, of its own. */
    private Uni<Void> onOwnContext(Supplier<Uni<Void>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        return Uni.createFrom().deferred(() -> work.get()).runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
    }

    /** One round; returns how many rows it claimed (0 after a failure, which the next round retries). */
    public Uni<Integer> round() {
        return Panache.withTransaction(() -> claim().call(NotificationDispatcher::loadTickets).chain(rows -> {
            List<CustomerMessages.Composed> outgoing = new ArrayList<>(rows.size());
            return Multi.createFrom().iterable(rows)
                    .onItem().transformToUniAndConcatenate(row -> sends.dispatch(row, outgoing)
                            .onFailure().recoverWithItem(e -> failed(row, e))
                            .map(state -> ScheduledNotification.SENT.equals(state)
                                    ? Optional.of(NotificationKind.valueOf(row.kind))
                                    : Optional.<NotificationKind>empty()))
                    .collect().asList()
                    .call(NotificationDispatcher::flushAndForget)
                    // the round's messages and row states: a few statements, not one per row
                    .call(() -> messages.sendAll(outgoing))
                    .call(() -> ScheduledNotification.saveStates(rows))
                    .map(outcomes -> new Round(rows.size(), outcomes.stream().flatMap(Optional::stream)
                            .filter(kind -> kind.outboundKind != null).toList())); // only messages are counted
        }))
                .invoke(round -> round.sent().forEach(kind -> metrics.published(kind.template))) // counted once committed
                .map(Round::claimed)
                .onFailure().invoke(e -> Log.warnf(e, "Scheduled notification round failed; its rows stay due for the next one"))
                .onFailure().recoverWithItem(0);
    }

    /**
     * A row that cannot be sent (a template error, say) must not block the rows behind it: it is closed as
     * failed with the reason. A database error aborts the transaction instead, and the round is retried.
     */
    private String failed(ScheduledNotification row, Throwable e) {
        Log.errorf(e, "Scheduled %s %s of ticket %s could not be sent", row.kind, row.dedupKey, row.ticketId);
        row.close(ScheduledNotification.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
        return ScheduledNotification.FAILED;
    }

    private record Round(int claimed, List<NotificationKind> sent) {
    }

    /**
     * Loads the round's tickets with one query: each row's own lookup then finds its ticket in the session
     * instead of asking the database once per row.
     */
    private static Uni<List<TicketContact>> loadTickets(List<ScheduledNotification> rows) {
        List<String> ids = rows.stream().map(row -> row.ticketId).filter(Objects::nonNull).distinct().toList();
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : TicketContact.list("ticketId in ?1", ids);
    }

    /**
     * Writes what the rows' checks persisted (surveys, follow-on rows) and empties the session: otherwise each
     * of the round's statements and the commit would flush again, walking hundreds of entities every time.
     */
    private static Uni<Void> flushAndForget() {
        return Panache.getSession().chain(session -> session.flush().invoke(session::clear));
    }

    private Uni<List<ScheduledNotification>> claim() {
        return Panache.getSession().chain(session -> session.createNativeQuery(CLAIM, ScheduledNotification.class)
                .setParameter("now", clock.instant())
                .setParameter("limit", config.batchSize())
                .setReadOnly(true) // their states are written with one statement at the end of the round
                .getResultList());
    }
}
