package io.supportsuite.tickets.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** A ticket's tags (table ticket_tag), inside the caller's session. */
final class Tags {

    private Tags() {
    }

    static Uni<List<String>> of(UUID ticketId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT tag FROM ticket_tag WHERE ticket_id = :t ORDER BY tag", String.class)
                .setParameter("t", ticketId).getResultList());
    }

    /** Tags of several tickets at once, each list sorted. */
    static Uni<Map<UUID, List<String>>> of(List<UUID> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT ticket_id, tag FROM ticket_tag WHERE ticket_id IN (:ids) ORDER BY tag", Object[].class)
                .setParameter("ids", ticketIds).getResultList())
                .map(rows -> rows.stream().collect(Collectors.groupingBy(r -> (UUID) r[0],
                        Collectors.mapping(r -> (String) r[1], Collectors.toList()))));
    }

    static Uni<Void> replace(UUID ticketId, List<String> added, List<String> removed) {
        Uni<Void> work = Uni.createFrom().voidItem();
        if (!removed.isEmpty()) {
            work = work.chain(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                    "DELETE FROM ticket_tag WHERE ticket_id = :t AND tag IN (:tags)")
                    .setParameter("t", ticketId).setParameter("tags", removed).executeUpdate())).replaceWithVoid();
        }
        for (String tag : added) {
            work = work.chain(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                    "INSERT INTO ticket_tag (ticket_id, tag) VALUES (:t, :tag) ON CONFLICT DO NOTHING")
                    .setParameter("t", ticketId).setParameter("tag", tag).executeUpdate())).replaceWithVoid();
        }
        return work;
    }
}
