package io.supportsuite.sla;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.devstack.testing.Reactive;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.sla.SlaBreached;
import io.supportsuite.events.sla.SlaClockStarted;
import io.supportsuite.runtime.schema.SchemaMigrator;
import io.supportsuite.sla.config.SlaConfig;
import io.supportsuite.sla.firing.FiringLoop;
import io.supportsuite.sla.firing.StageFiring;
import io.supportsuite.sla.metrics.SlaMetrics;
import jakarta.inject.Inject;

/**
 * R1/R4 durability: clocks are rows, so stages that fell due while no firing loop ran fire once, in due
 * order, when a loop starts; loops running side by side (as several instances do) never fire a stage
 * twice; and a reply that came too late is a breach even when no loop had fired it yet.
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class DurableFiringTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @Inject
    FiringLoop loop;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    StageFiring firing;

    @Inject
    SchemaMigrator migrator;

    @Inject
    SlaMetrics metrics;

    @Inject
    SlaConfig config;

    @Inject
    Clock clock;

    private SlaFixture sla;

    @BeforeEach
    void open() {
        sla = new SlaFixture(bootstrap, mapper);
    }

    @AfterEach
    void close() {
        loop.start(); // whatever a test did, the service's own loop runs again
        sla.close();
    }

    @Test
    void stagesThatFellDueWhileNoLoopRanFireOnceAtStartInDueOrder() {
        loop.stop();
        Instant now = SlaFixture.now();
        // Arrived an hour, three hours and two hours ago: every stage of each fell due long before now.
        List<String> tickets = List.of(SlaFixture.newTicketId(), SlaFixture.newTicketId(), SlaFixture.newTicketId());
        List<Instant> createdAt = List.of(now.minusSeconds(3600), now.minusSeconds(3 * 3600), now.minusSeconds(2 * 3600));
        for (int i = 0; i < tickets.size(); i++) {
            sla.ticketCreated(tickets.get(i), createdAt.get(i), "standard");
        }
        List<String> clockIds = tickets.stream()
                .map(t -> sla.await(t, EventTypes.SLA_CLOCK_STARTED, SlaClockStarted.class).clock().clockId()).toList();
        for (String ticket : tickets) {
            assertEquals(List.of("sla.clock.started"), sla.types(ticket, Duration.ofMillis(500)),
                    "no loop, no firing: the clock waits in its row");
        }
        assertEquals(0, count("SELECT count(*) FROM clock_stage WHERE clock_id IN (" + quoted(clockIds) + ")"));

        loop.start();
        for (String ticket : tickets) {
            SlaBreached breached = sla.await(ticket, EventTypes.SLA_BREACHED, SlaBreached.class);
            assertTrue(breached.firedAt().isAfter(now), "fired at start-up");
        }
        for (String ticket : tickets) {
            assertEquals(List.of("sla.clock.started", "sla.warning", "sla.warning", "sla.breached"),
                    sla.types(ticket, Duration.ofMillis(500)), "each stage once, in order");
        }
        List<Instant> dueInFiringOrder = instants("SELECT due_at FROM clock_stage WHERE clock_id IN ("
                + quoted(clockIds) + ") ORDER BY id");
        assertEquals(9, dueInFiringOrder.size());
        assertEquals(dueInFiringOrder.stream().sorted().toList(), dueInFiringOrder, "fired in due order across clocks");
    }

    @Test
    void loopsRunningSideBySideNeverFireAStageTwice() throws Exception {
        loop.stop();
        Instant now = SlaFixture.now();
        List<String> overdue = IntStream.range(0, 15).mapToObj(i -> SlaFixture.newTicketId()).toList();
        List<String> dueSoon = IntStream.range(0, 15).mapToObj(i -> SlaFixture.newTicketId()).toList();
        overdue.forEach(t -> sla.ticketCreated(t, now.minusSeconds(600), "standard"));
        // Budget 4 s, created 3 s ago: the 80 % warning and the breach fall due while both loops run.
        dueSoon.forEach(t -> sla.ticketCreated(t, now.minusSeconds(3), "standard"));
        List<String> all = new ArrayList<>(overdue);
        all.addAll(dueSoon);
        all.forEach(t -> sla.await(t, EventTypes.SLA_CLOCK_STARTED, SlaClockStarted.class));

        FiringLoop second = new FiringLoop(dataSource, firing, migrator, metrics, config, clock);
        FiringLoop third = new FiringLoop(dataSource, firing, migrator, metrics, config, clock);
        try {
            loop.start();
            second.start();
            third.start();
            all.forEach(t -> sla.await(t, EventTypes.SLA_BREACHED, SlaBreached.class));
            sla.types(all.get(0), Duration.ofSeconds(1));
            for (String ticket : all) {
                assertEquals(List.of("sla.clock.started", "sla.warning", "sla.warning", "sla.breached"),
                        sla.types(ticket, Duration.ZERO), "ticket " + ticket);
            }
        } finally {
            second.stop();
            third.stop();
        }
    }

    @Test
    void aReplyAfterTheDeadlineIsABreachEvenBeforeTheLoopFiredIt() {
        loop.stop();
        String ticket = SlaFixture.newTicketId();
        sla.ticketCreated(ticket, SlaFixture.now().minusSeconds(60), "standard");
        sla.await(ticket, EventTypes.SLA_CLOCK_STARTED, SlaClockStarted.class);

        sla.replied(ticket, SlaFixture.now());
        sla.await(ticket, EventTypes.SLA_BREACHED, SlaBreached.class);
        loop.start();
        assertEquals(List.of("sla.clock.started", "sla.warning", "sla.warning", "sla.breached"),
                sla.types(ticket, Duration.ofMillis(1500)), "no met, and the loop fires nothing again");
        given().get("/api/tickets/{id}/clocks", ticket).then().statusCode(200)
                .body("[0].state", equalTo("stopped"))
                .body("[0].stopReason", equalTo("replied after the deadline"));
    }

    private static String quoted(List<String> ids) {
        return String.join(",", ids.stream().map(id -> "'" + id + "'").toList());
    }

    private static long count(String sql) {
        return Reactive.await(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery(sql, Long.class).getSingleResult())));
    }

    private static List<Instant> instants(String sql) {
        return Reactive.await(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery(sql, Instant.class).getResultList())));
    }
}
