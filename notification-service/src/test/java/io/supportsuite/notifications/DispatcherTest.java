package io.supportsuite.notifications;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.devstack.testing.Reactive;
import io.supportsuite.events.outbound.MessageSend;
import io.supportsuite.notifications.SpineEvents.Ticket;
import io.supportsuite.notifications.notification.NotificationKind;
import io.supportsuite.notifications.schedule.NotificationDispatcher;
import io.supportsuite.notifications.schedule.ScheduledNotification;
import io.supportsuite.notifications.schedule.Schedules;
import io.supportsuite.notifications.ticket.TicketContact;

/**
 * The durable schedule: rows that fell due while no instance ran go out once at the next round, several
 * dispatchers claiming at the same moment (as several instances would) never send a row twice, and a row
 * that cannot be sent does not hold up the others.
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(OpsWebhookResource.class)
class DispatcherTest {

    private static final int TICKETS = 30;
    private static final int DISPATCHERS = 4;

    @Inject
    ObjectMapper mapper;

    @Inject
    Schedules schedules;

    @Inject
    NotificationDispatcher dispatcher;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private SpineEvents events;
    private Outbound outbound;

    @BeforeEach
    void connect() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        events = new SpineEvents(mapper, bootstrap);
        outbound = new Outbound(mapper, bootstrap);
    }

    @AfterEach
    void disconnect() {
        events.close();
        outbound.close();
    }

    @Test
    void overdueRowsClaimedByConcurrentDispatchersAreSentExactlyOnce() throws Exception {
        List<Ticket> tickets = IntStream.range(0, TICKETS).mapToObj(i -> SpineEvents.ticket(null)).toList();
        tickets.forEach(events::sendCreated);
        List<String> ids = tickets.stream().map(Ticket::id).toList();
        await().atMost(Outbound.WAIT).until(() -> Reactive.await(() -> Panache.withSession(
                () -> TicketContact.count("ticketId in ?1", ids))) == TICKETS);

        // Due an hour ago: as if every instance had been down when they fell due.
        Instant overdue = Instant.now().minusSeconds(3600);
        Reactive.await(() -> Panache.withTransaction(() -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (String id : ids) {
                all = all.chain(() -> schedules.schedule(NotificationKind.DELAY_NOTICE, "delay_notice:" + id + ":restart", id,
                        overdue, null, row -> row.newEta = overdue.plusSeconds(7200)));
            }
            return all;
        }));

        ExecutorService pool = Executors.newFixedThreadPool(DISPATCHERS);
        try {
            List<Future<Integer>> rounds = IntStream.range(0, DISPATCHERS)
                    .mapToObj(i -> pool.submit(() -> Reactive.await(dispatcher::round))).toList();
            for (Future<Integer> round : rounds) {
                round.get();
            }
        } finally {
            pool.shutdown();
        }

        await().atMost(Outbound.WAIT).until(() -> Reactive.await(() -> Panache.withSession(() -> ScheduledNotification
                .count("ticketId in ?1 and state = ?2", ids, ScheduledNotification.SENT))) == TICKETS);
        for (Ticket ticket : tickets) {
            outbound.await(ticket.id(), "delay_notice:");
        }
        Map<String, Long> perKey = ids.stream().flatMap(id -> outbound.all(id, "delay_notice:", Duration.ZERO).stream())
                .collect(Collectors.groupingBy(MessageSend::idempotencyKey, Collectors.counting()));
        assertEquals(TICKETS, perKey.size());
        assertEquals(Map.of(1L, (long) TICKETS), perKey.values().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())), "each sent exactly once");
    }

    @Test
    void aRowThatCannotBeRenderedFailsWithItsReasonAndDoesNotBlockTheOnesBehindIt() {
        Ticket ticket = SpineEvents.ticket(null);
        events.sendCreated(ticket);
        await().atMost(Outbound.WAIT).until(() -> Reactive.await(() -> Panache.withSession(
                () -> TicketContact.count("ticketId", ticket.id()))) == 1);
        Instant overdue = Instant.now().minusSeconds(60);
        Reactive.await(() -> Panache.withTransaction(() -> schedules
                .schedule(NotificationKind.DELAY_NOTICE, "delay_notice:" + ticket.id() + ":broken", ticket.id(), overdue, null,
                        row -> row.newEta = null) // no promise to write: it cannot be rendered
                .chain(() -> schedules.schedule(NotificationKind.DELAY_NOTICE, "delay_notice:" + ticket.id() + ":good",
                        ticket.id(), overdue.plusSeconds(1), null, row -> row.newEta = overdue.plusSeconds(7200)))));

        outbound.await(ticket.id(), "delay_notice:" + ticket.id() + ":good");
        await().atMost(Outbound.WAIT).untilAsserted(() -> given().queryParam("ticketId", ticket.id())
                .get("/api/notifications/scheduled").then()
                .body("find { it.dedupKey.endsWith(':broken') }.state", equalTo("failed"))
                .body("find { it.dedupKey.endsWith(':broken') }.reason", notNullValue()));
    }
}
