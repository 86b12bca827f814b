package io.supportsuite.notifications.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.common.Identity;
import io.supportsuite.events.customer.CustomerMerged;
import io.supportsuite.events.customer.CustomerUnmerged;
import io.supportsuite.notifications.ticket.ContactPoints;
import io.supportsuite.notifications.ticket.TicketContact;

/**
 * C2 here: the customers ticket-service merged are one person for this service until the merge is undone. A customer's
 * group is every customer joined to it by merges not undone (up to the kept one, then down to all merged into it).
 * Consent (N6: an opt-out of any of them holds for all), the NPS interval (N5) and the contact points for a fallback
 * are read over the group; nothing is copied, so an un-merge restores exactly what was before.
 */
@ApplicationScoped
public class CustomerGroups {

    /**
     * A CTE {@code grp(id)}: the group of {@code :customer}. Merges form a forest (ticket-service refuses to merge a
     * merged customer), and UNION stops at ids already seen.
     */
    public static final String GROUP = "WITH RECURSIVE up(id) AS (SELECT CAST(:customer AS TEXT) UNION SELECT m.target_id "
            + "FROM customer_merge m JOIN up ON m.source_id = up.id WHERE m.undone_at IS NULL), "
            + "grp(id) AS (SELECT id FROM up UNION SELECT m.source_id FROM customer_merge m JOIN grp ON m.target_id = grp.id "
            + "WHERE m.undone_at IS NULL) ";

    private static final String MERGED = "INSERT INTO customer_merge (merge_id, source_id, target_id, merged_at) "
            + "VALUES (:merge, :source, :target, :at) ON CONFLICT (merge_id) DO UPDATE SET merged_at = EXCLUDED.merged_at";
    /** An undo read before its merge (another partition) is stored undone: the merge, when it comes, keeps it so. */
    private static final String UNMERGED = "INSERT INTO customer_merge (merge_id, source_id, target_id, undone_at) "
            + "VALUES (:merge, :source, :target, :at) ON CONFLICT (merge_id) DO UPDATE SET undone_at = EXCLUDED.undone_at";

    private final Clock clock;

    public CustomerGroups(Clock clock) {
        this.clock = clock;
    }

    public Uni<Void> merged(CustomerMerged merged) {
        Log.infof("Customer %s merged into %s (merge %s): one customer here too (C2)", merged.customerId(),
                merged.into().customerId(), merged.mergeId());
        return execute(MERGED, Map.of("merge", merged.mergeId(), "source", merged.customerId(), "target", merged.into().customerId(),
                "at", at(merged.mergedAt())));
    }

    public Uni<Void> unmerged(CustomerUnmerged unmerged) {
        Log.infof("Merge %s undone: customer %s on their own again (C2)", unmerged.mergeId(), unmerged.customer().customerId());
        return execute(UNMERGED, Map.of("merge", unmerged.mergeId(), "source", unmerged.customer().customerId(), "target",
                unmerged.fromCustomerId(), "at", at(unmerged.unmergedAt())));
    }

    /** The customer and every customer merged with them, in id order. */
    public Uni<List<String>> members(String customerId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(GROUP + "SELECT id FROM grp ORDER BY id", String.class)
                .setParameter("customer", customerId).getResultList());
    }

    /** The ticket's contact points first, then those the rest of its customer's group is known by (C2), each channel once. */
    public Uni<List<Identity>> contactPoints(TicketContact ticket) {
        List<Identity> own = ContactPoints.decode(ticket.contactPoints);
        if (ticket.customerId == null) {
            return Uni.createFrom().item(own);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(GROUP + "SELECT t.contact_points FROM ticket_contact t "
                + "WHERE t.customer_id IN (SELECT id FROM grp) AND t.ticket_id <> :ticket AND t.contact_points IS NOT NULL "
                + "ORDER BY t.created_at, t.ticket_id", String.class)
                .setParameter("customer", ticket.customerId).setParameter("ticket", ticket.ticketId).getResultList())
                .map(others -> {
                    Map<String, Identity> byPoint = new LinkedHashMap<>();
                    List<Identity> all = new ArrayList<>(own);
                    others.forEach(o -> all.addAll(ContactPoints.decode(o)));
                    all.forEach(i -> byPoint.putIfAbsent(i.kind() + "\t" + i.value(), i));
                    return List.copyOf(byPoint.values());
                });
    }

    private static Uni<Void> execute(String statement, Map<String, Object> params) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(statement);
            params.forEach(query::setParameter);
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    private Instant at(Instant at) {
        return at == null ? clock.instant() : at;
    }
}
