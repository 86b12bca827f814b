package io.supportsuite.notifications;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.supportsuite.devstack.testing.Reactive;

/** Plain SQL against the service's own database, for tests that set up or read rows no API exposes. */
final class Sql {

    private Sql() {
    }

    /** The single number a query returns (a count, say). */
    static long number(String query) {
        return Reactive.await(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery(query, Long.class).getSingleResult())));
    }

    /** Runs a statement in a transaction of its own. */
    static void execute(String statement) {
        Reactive.await(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(statement).executeUpdate())));
    }
}
