package io.supportsuite.tickets.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.EventTypes;
import io.supportsuite.runtime.inbox.IncomingEvent;
import io.supportsuite.tickets.api.TicketChange;
import io.supportsuite.tickets.api.TicketSummary;
import io.supportsuite.tickets.messaging.SlaConsumer;
import io.supportsuite.tickets.service.TicketQueries;
import io.supportsuite.tickets.sla.SlaUpdates;
import io.supportsuite.tickets.ticket.Ticket;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Feeds the live streams from the topics, not from this instance's own writes: a change made through another
 * instance (or by a Kafka handler on another instance) reaches every agent's stream. Each instance reads
 * {@code support.tickets.v1} and {@code support.sla.v1} in a consumer group of its own, from the latest offset and
 * without committing (a stream shows what happens while it is open; the views give the state). The ticket events are
 * relayed from the outbox after their transaction committed, so the summary read for them is the new one; an SLA
 * event is applied by this service's SLA consumer on whichever instance owns the partition, so the stream waits
 * for that consumer's inbox row (same transaction as the new standing) before reading it.
 */
@ApplicationScoped
public class LiveConsumer {

    /** ticket-service's own announcements on support.tickets.v1 (requests from other services are not changes). */
    private static final Set<String> TICKET_CHANGES = Set.of(EventTypes.TICKET_CREATED, EventTypes.TICKET_MESSAGE_ADDED,
            EventTypes.TICKET_REPLIED, EventTypes.TICKET_NOTE_ADDED, EventTypes.TICKET_STATUS_CHANGED, EventTypes.TICKET_ASSIGNED,
            EventTypes.TICKET_PRIORITY_CHANGED, EventTypes.TICKET_MERGED, EventTypes.TICKET_ESCALATED, EventTypes.TICKET_TAGS_CHANGED,
            EventTypes.CALLBACK_SCHEDULED, EventTypes.CALLBACK_COMPLETED, EventTypes.TICKET_CSAT_RECORDED,
            EventTypes.TICKET_NPS_RECORDED);

    /** An event about a ticket, before its summary is read. */
    private record Pending(UUID ticketId, IncomingEvent event) {
    }

    private final LiveFeed feed;
    private final TicketQueries queries;
    private final LiveConfig config;
    private final Pool pool;
    private final ObjectMapper mapper;

    public LiveConsumer(LiveFeed feed, TicketQueries queries, LiveConfig config, Pool pool, ObjectMapper mapper) {
        this.feed = feed;
        this.queries = queries;
        this.config = config;
        this.pool = pool;
        this.mapper = mapper;
    }

    @Incoming("live-tickets")
    public Uni<Void> tickets(ConsumerRecords<String, String> records) {
        if (!feed.watched()) {
            return Uni.createFrom().voidItem();
        }
        List<Pending> pending = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            IncomingEvent event = IncomingEvent.of(record);
            if (TICKET_CHANGES.contains(event.type())) {
                ticketId(event.key()).ifPresent(id -> pending.add(new Pending(id, event)));
                if (EventTypes.TICKET_MERGED.equals(event.type())) {
                    mergedInto(event).ifPresent(id -> pending.add(new Pending(id, event))); // its transcript grew
                }
            }
        }
        return send(pending);
    }

    @Incoming("live-sla")
    public Uni<Void> sla(ConsumerRecords<String, String> records) {
        if (!feed.watched()) {
            return Uni.createFrom().voidItem();
        }
        List<Pending> pending = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            IncomingEvent event = IncomingEvent.of(record);
            if (SlaUpdates.handles(event.type())) {
                ticketId(event.key()).ifPresent(id -> pending.add(new Pending(id, event)));
            }
        }
        if (pending.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] ids = pending.stream().map(p -> p.event().id()).distinct().toArray(String[]::new);
        return settled(ids, System.nanoTime() + config.slaSettleWait().toNanos()).chain(() -> send(pending));
    }

    /** Completes once the SLA consumer recorded every one of these events, or when the wait is over. */
    private Uni<Void> settled(String[] eventIds, long giveUpAt) {
        return pool.preparedQuery("SELECT count(*) FROM inbox WHERE consumer = $1 AND ce_id = ANY($2)")
                .execute(Tuple.of(SlaConsumer.CONSUMER, eventIds))
                .map(rows -> rows.iterator().next().getLong(0))
                .chain(applied -> {
                    if (applied >= eventIds.length) {
                        return Uni.createFrom().voidItem();
                    }
                    if (System.nanoTime() > giveUpAt) {
                        Log.debugf("%d of %d SLA events not applied yet; streaming the standing as it is", eventIds.length - applied,
                                eventIds.length);
                        return Uni.createFrom().voidItem();
                    }
                    return Uni.createFrom().voidItem().onItem().delayIt().by(config.slaSettlePoll())
                            .chain(() -> settled(eventIds, giveUpAt));
                });
    }

    /** Reads the summaries of the batch's tickets at once and hands one change per event to the streams. */
    private Uni<Void> send(List<Pending> pending) {
        if (pending.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<UUID> ids = pending.stream().map(Pending::ticketId).distinct().toList();
        return Panache.withSession(() -> Ticket.<Ticket>list("id in ?1", ids).chain(queries::summaries))
                .map(summaries -> summaries.stream().collect(Collectors.toMap(TicketSummary::id, Function.identity())))
                .invoke(byId -> feed.publish(changes(pending, byId)))
                .onFailure().invoke(e -> Log.warnf("Live streams missed %d changes: %s", pending.size(), e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private static List<TicketChange> changes(List<Pending> pending, Map<String, TicketSummary> byId) {
        List<TicketChange> changes = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            TicketSummary ticket = byId.get(p.ticketId().toString());
            if (ticket != null) {
                changes.add(new TicketChange(ticket.id(), change(p.event().type()), p.event().id(), p.event().time(), ticket, null));
            }
        }
        return changes;
    }

    /** {@code support.ticket.replied.v1} → {@code ticket.replied}. */
    static String change(String type) {
        String name = type.startsWith("support.") ? type.substring("support.".length()) : type;
        int version = name.lastIndexOf(".v");
        return version > 0 ? name.substring(0, version) : name;
    }

    private Optional<UUID> mergedInto(IncomingEvent event) {
        try {
            JsonNode into = mapper.readTree(event.data()).get("intoTicketId");
            return into == null || into.isNull() ? Optional.empty() : ticketId(into.asText());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static Optional<UUID> ticketId(String key) {
        try {
            return key == null ? Optional.empty() : Optional.of(UUID.fromString(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
