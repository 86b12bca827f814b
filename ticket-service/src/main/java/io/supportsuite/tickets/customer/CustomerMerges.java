package io.supportsuite.tickets.customer;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.common.CustomerRef;
import io.supportsuite.events.common.Identity;
import io.supportsuite.events.customer.CustomerMerged;
import io.supportsuite.events.customer.CustomerUnmerged;
import io.supportsuite.runtime.outbox.Outbox;
import io.supportsuite.runtime.problem.ProblemException;
import io.supportsuite.tickets.agent.Agent;
import io.supportsuite.tickets.agent.CurrentAgent;
import io.supportsuite.tickets.api.CustomerMergeView;
import io.supportsuite.tickets.service.Problems;
import io.supportsuite.tickets.service.TicketEvents;
import io.supportsuite.tickets.timeline.ActivityKind;
import io.supportsuite.tickets.timeline.Timeline;

/**
 * C2: merging two customers found to be one person, and undoing it. A merge moves every ticket and identity of the
 * merged customer to the one kept, records exactly what it moved, and leaves the merged customer pointing there;
 * undoing it moves exactly those back. Nothing is deleted. Each moved ticket's timeline says so. Both customers are
 * locked (in id order) for the duration. Each merge and undo is announced ({@code customer.merged} / {@code customer.unmerged}
 * on the tickets topic, keyed by the kept customer) in the same transaction, through the outbox, so the other services'
 * projections follow it.
 */
@ApplicationScoped
public class CustomerMerges {

    static final String TICKET = "ticket";
    static final String IDENTITY = "identity";

    private final CurrentAgent current;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Outbox outbox;
    private final TicketEvents events;

    public CustomerMerges(CurrentAgent current, ObjectMapper mapper, Clock clock, Outbox outbox, TicketEvents events) {
        this.current = current;
        this.mapper = mapper;
        this.clock = clock;
        this.outbox = outbox;
        this.events = events;
    }

    public Uni<CustomerMergeView> merge(UUID sourceId, String into) {
        UUID targetId = Problems.optionalId(into, "into");
        Problems.validate().check(targetId != null, "into", "must name the customer to keep")
                .check(!sourceId.equals(targetId), "into", "a customer cannot be merged into themselves").orFail();
        UUID mergeId = UUID.randomUUID();
        return Panache.withTransaction(() -> current.agent().chain(me -> Customer.<Customer>find("id in ?1 order by id", List.of(sourceId, targetId))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list().chain(both -> {
                    Customer source = both.stream().filter(c -> c.id.equals(sourceId)).findFirst()
                            .orElseThrow(() -> ProblemException.notFound("Customer", sourceId));
                    Customer target = both.stream().filter(c -> c.id.equals(targetId)).findFirst()
                            .orElseThrow(() -> ProblemException.invalidField("into", "no such customer"));
                    for (Customer c : both) {
                        if (c.mergedInto != null) {
                            throw ProblemException.conflict("customer-merged", "Customer " + c.id + " was merged into " + c.mergedInto);
                        }
                    }
                    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    source.mergedInto = target.id;
                    String details = json(Timeline.details("mergeId", mergeId.toString(), "from", sourceId.toString(), "into", targetId.toString()));
                    return sql("INSERT INTO customer_merge (id, source_id, target_id, merged_by, merged_at) VALUES (:m, :s, :t, :by, :at)",
                            Map.of("m", mergeId, "s", sourceId, "t", targetId, "by", me.id, "at", now))
                            .chain(() -> sql("INSERT INTO customer_merge_item (merge_id, kind, item_id) SELECT :m, 'ticket', id FROM ticket "
                                    + "WHERE customer_id = :s", Map.of("m", mergeId, "s", sourceId)))
                            .chain(() -> sql("INSERT INTO customer_merge_item (merge_id, kind, item_id) SELECT :m, 'identity', id "
                                    + "FROM customer_identity WHERE customer_id = :s", Map.of("m", mergeId, "s", sourceId)))
                            .chain(() -> move(mergeId, sourceId, targetId))
                            .chain(() -> lines(mergeId, ActivityKind.CUSTOMER_MERGED, me, details, now))
                            .chain(() -> moved(mergeId)).chain(moved -> ref(target).chain(kept -> announce(targetId,
                                    EventTypes.CUSTOMER_MERGED, new CustomerMerged(mergeId.toString(), sourceId.toString(), kept,
                                            moved.tickets(), moved.identities(), me.id.toString(), now))))
                            .invoke(() -> Log.infof("Customer %s merged into %s by %s (merge %s)", sourceId, targetId, me.username, mergeId));
                })).chain(() -> view(mergeId)));
    }

    /** Moves back exactly what the merge moved; 409 when it was undone, or the kept customer was merged on since. */
    public Uni<CustomerMergeView> undo(UUID mergeId) {
        return Panache.withTransaction(() -> current.agent().chain(me -> rows("SELECT source_id, target_id, undone_at FROM customer_merge "
                + "WHERE id = :m FOR UPDATE", Map.of("m", mergeId)).chain(rows -> {
                    if (rows.isEmpty()) {
                        throw ProblemException.notFound("Customer merge", mergeId);
                    }
                    UUID sourceId = (UUID) rows.get(0)[0], targetId = (UUID) rows.get(0)[1];
                    if (rows.get(0)[2] != null) {
                        throw ProblemException.conflict("merge-undone", "Merge " + mergeId + " was undone before");
                    }
                    return Customer.<Customer>find("id in ?1 order by id", List.of(sourceId, targetId)).withLock(LockModeType.PESSIMISTIC_WRITE)
                            .list().chain(both -> {
                                Customer source = both.stream().filter(c -> c.id.equals(sourceId)).findFirst().orElseThrow();
                                Customer target = both.stream().filter(c -> c.id.equals(targetId)).findFirst().orElseThrow();
                                if (target.mergedInto != null) {
                                    throw ProblemException.conflict("customer-merged", "Customer " + targetId + " was merged into "
                                            + target.mergedInto + " since; undo that merge first");
                                }
                                Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                                source.mergedInto = null;
                                String details = json(Timeline.details("mergeId", mergeId.toString(), "from", targetId.toString(), "into",
                                        sourceId.toString()));
                                return move(mergeId, targetId, sourceId)
                                        .chain(() -> sql("UPDATE customer_merge SET undone_by = :by, undone_at = :at WHERE id = :m",
                                                Map.of("by", me.id, "at", now, "m", mergeId)))
                                        .chain(() -> lines(mergeId, ActivityKind.CUSTOMER_UNMERGED, me, details, now))
                                        .chain(() -> moved(mergeId)).chain(moved -> ref(source).chain(restored -> announce(targetId,
                                                EventTypes.CUSTOMER_UNMERGED, new CustomerUnmerged(mergeId.toString(), restored,
                                                        targetId.toString(), moved.tickets(), moved.identities(), me.id.toString(),
                                                        now))))
                                        .invoke(() -> Log.infof("Merge %s of customer %s into %s undone by %s", mergeId, sourceId, targetId,
                                                me.username));
                            });
                })).chain(() -> view(mergeId)));
    }

    /** The merges a customer took part in, newest first. */
    public Uni<List<CustomerMergeView>> of(UUID customerId) {
        return Panache.withSession(() -> rows("SELECT id, merged_at FROM customer_merge WHERE source_id = :c OR target_id = :c ORDER BY merged_at DESC",
                Map.of("c", customerId)).chain(rows -> {
                    Uni<List<CustomerMergeView>> all = Uni.createFrom().item(new ArrayList<>());
                    for (Object[] row : rows) {
                        all = all.chain(list -> view((UUID) row[0]).map(v -> {
                            list.add(v);
                            return list;
                        }));
                    }
                    return all;
                }));
    }

    /** The recorded tickets and identities that are still on {@code from} go to {@code to}. */
    private static Uni<Void> move(UUID mergeId, UUID from, UUID to) {
        return sql("UPDATE ticket SET customer_id = :to WHERE customer_id = :from AND id IN (SELECT item_id FROM customer_merge_item "
                + "WHERE merge_id = :m AND kind = 'ticket')", Map.of("to", to, "from", from, "m", mergeId))
                .chain(() -> sql("UPDATE customer_identity SET customer_id = :to WHERE customer_id = :from AND id IN (SELECT item_id "
                        + "FROM customer_merge_item WHERE merge_id = :m AND kind = 'identity')", Map.of("to", to, "from", from, "m", mergeId)));
    }

    /** What a merge moved: its tickets' ids and its identities as the events carry them. */
    private record Moved(List<String> tickets, List<Identity> identities) {
    }

    private static Uni<Moved> moved(UUID mergeId) {
        return rows("SELECT i.kind, i.item_id FROM customer_merge_item i WHERE i.merge_id = :m ORDER BY i.kind, i.item_id",
                Map.of("m", mergeId)).chain(items -> {
                    List<UUID> identityIds = items.stream().filter(i -> IDENTITY.equals(i[0])).map(i -> (UUID) i[1]).toList();
                    List<String> tickets = items.stream().filter(i -> TICKET.equals(i[0])).map(i -> i[1].toString()).toList();
                    return identityIds.isEmpty() ? Uni.createFrom().item(new Moved(tickets, List.of()))
                            : CustomerIdentity.<CustomerIdentity>list("id in ?1 order by createdAt, id", identityIds)
                                    .map(ids -> new Moved(tickets, ids.stream().map(CustomerIdentity::toEvent).toList()));
                });
    }

    /** The customer as the events describe them (C2), with every identity they have now. */
    private Uni<CustomerRef> ref(Customer customer) {
        return CustomerIdentity.<CustomerIdentity>list("customerId = ?1 order by createdAt, id", customer.id).map(identities -> {
            CustomerRef bare = events.customerRef(customer, null);
            return new CustomerRef(bare.customerId(), bare.name(), bare.locale(), bare.timeZone(), bare.segment(),
                    identities.stream().map(CustomerIdentity::toEvent).toList());
        });
    }

    /** Keyed by the kept customer: every merge and undo around one customer is read in order. */
    private Uni<Void> announce(UUID keptId, String type, Object event) {
        String key = keptId.toString();
        return outbox.append(Topics.TICKETS, key, type, key, event).replaceWithVoid();
    }

    /** A timeline line on every ticket the merge moved. */
    private static Uni<Void> lines(UUID mergeId, String kind, Agent by, String details, Instant at) {
        return sql("INSERT INTO ticket_activity (id, ticket_id, kind, actor_id, actor_name, details, created_at) "
                + "SELECT gen_random_uuid(), item_id, :kind, :actor, :name, :details, :at FROM customer_merge_item "
                + "WHERE merge_id = :m AND kind = 'ticket'",
                Map.of("kind", kind, "actor", by.id.toString(), "name", by.name, "details", details, "at", at, "m", mergeId));
    }

    private Uni<CustomerMergeView> view(UUID mergeId) {
        return rows("SELECT source_id, target_id, merged_by, merged_at, undone_by, undone_at FROM customer_merge WHERE id = :m",
                Map.of("m", mergeId)).chain(rows -> rows("SELECT kind, item_id FROM customer_merge_item WHERE merge_id = :m ORDER BY item_id",
                        Map.of("m", mergeId)).map(items -> {
                            Object[] r = rows.get(0);
                            List<String> tickets = items.stream().filter(i -> TICKET.equals(i[0])).map(i -> i[1].toString()).toList();
                            List<String> identities = items.stream().filter(i -> IDENTITY.equals(i[0])).map(i -> i[1].toString()).toList();
                            return new CustomerMergeView(mergeId.toString(), r[0].toString(), r[1].toString(), tickets, identities, text(r[2]),
                                    instant(r[3]), text(r[4]), instant(r[5]));
                        }));
    }

    private static Uni<Void> sql(String statement, Map<String, Object> params) {
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(statement);
            params.forEach(query::setParameter);
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    private static Uni<List<Object[]>> rows(String select, Map<String, Object> params) {
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(select, Object[].class);
            params.forEach(query::setParameter);
            return query.getResultList();
        });
    }

    private String json(Map<String, Object> details) {
        try {
            return mapper.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object id) {
        return id == null ? null : id.toString();
    }

    private static Instant instant(Object value) {
        return value == null ? null : value instanceof OffsetDateTime o ? o.toInstant() : value instanceof Instant i ? i
                : ((java.sql.Timestamp) value).toInstant();
    }
}
