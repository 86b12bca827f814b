package io.supportsuite.sla;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.sla.SlaBreached;
import io.supportsuite.events.sla.SlaClockStarted;
import io.supportsuite.events.sla.SlaMet;
import jakarta.inject.Inject;

/**
 * Live contacts on support.contact.v1 (R2: picked up before the third ring ends; ring length 1 s here, 2 s
 * for chat) and callbacks on support.tickets.v1 (R3: made by their due time).
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class ContactAndCallbackClocksTest {

    private static final Duration ON_TIME = Duration.ofSeconds(5);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    private SlaFixture sla;

    @BeforeEach
    void open() {
        sla = new SlaFixture(bootstrap, mapper);
    }

    @AfterEach
    void close() {
        sla.close();
    }

    @Test
    void threeRingRuleBreachesThreeRingsAfterTheFirstRing() {
        String contact = SlaFixture.newTicketId();
        Instant offeredAt = SlaFixture.now();
        sla.contactOffered(contact, "voice", offeredAt);

        SlaClockStarted started = sla.await(contact, EventTypes.SLA_CLOCK_STARTED, SlaClockStarted.class);
        assertEquals("pickup", started.clock().kind());
        assertEquals("three-rings", started.clock().policy());
        assertEquals(3, started.clock().budgetSeconds(), "3 rings of 1 s");
        assertEquals(offeredAt.plusSeconds(3), started.clock().deadline());

        SlaBreached breached = sla.await(contact, EventTypes.SLA_BREACHED, SlaBreached.class);
        assertFalse(breached.firedAt().isBefore(started.clock().deadline()));
        assertTrue(breached.firedAt().isBefore(started.clock().deadline().plus(ON_TIME)));
    }

    @Test
    void ringLengthIsPerChannel() {
        String contact = SlaFixture.newTicketId();
        Instant offeredAt = SlaFixture.now();
        sla.contactOffered(contact, "chat", offeredAt);
        SlaClockStarted started = sla.await(contact, EventTypes.SLA_CLOCK_STARTED, SlaClockStarted.class);
        assertEquals(6, started.clock().budgetSeconds(), "3 rings of 2 s on chat");
    }

    @Test
    void pickingUpInTimeMeetsThePromise() {
        String contact = SlaFixture.newTicketId();
        sla.contactOffered(contact, "chat", SlaFixture.now());
        Instant answeredAt = SlaFixture.now();
        sla.contactAnswered(contact, "chat", answeredAt);

        SlaMet met = sla.await(contact, EventTypes.SLA_MET, SlaMet.class);
        assertEquals(answeredAt, met.metAt());
        assertEquals("pickup", met.clock().kind());
        assertEquals(List.of("sla.clock.started", "sla.met"), sla.types(contact, Duration.ofSeconds(7)), "no breach after");
    }

    @Test
    void anAnswerArrivingBeforeItsOfferIsResolvedByEventTime() {
        String contact = SlaFixture.newTicketId();
        Instant offeredAt = SlaFixture.now().minusMillis(1500);
        Instant answeredAt = offeredAt.plusMillis(1200);
        sla.contactAnswered(contact, "voice", answeredAt);
        await().pollDelay(Duration.ofMillis(500)).atMost(SlaFixture.WAIT).until(() -> true);
        sla.contactOffered(contact, "voice", offeredAt);

        SlaMet met = sla.await(contact, EventTypes.SLA_MET, SlaMet.class);
        assertEquals(answeredAt, met.metAt(), "answered 1.2 s after the first ring: within three rings");
        assertEquals(List.of("sla.clock.started", "sla.met"), sla.types(contact, Duration.ofSeconds(3)));
    }

    @Test
    void anAnswerArrivingBeforeALateOfferIsABreach() {
        String contact = SlaFixture.newTicketId();
        Instant offeredAt = SlaFixture.now().minusSeconds(10);
        sla.contactAnswered(contact, "voice", offeredAt.plusSeconds(5));
        await().pollDelay(Duration.ofMillis(500)).atMost(SlaFixture.WAIT).until(() -> true);
        sla.contactOffered(contact, "voice", offeredAt);

        sla.await(contact, EventTypes.SLA_BREACHED, SlaBreached.class);
        assertEquals(List.of("sla.clock.started", "sla.warning", "sla.warning", "sla.breached"),
                sla.types(contact, Duration.ofSeconds(1)), "picked up on the fifth ring: no met");
        await().atMost(SlaFixture.WAIT).untilAsserted(() -> given().get("/api/tickets/{id}/clocks", contact).then()
                .statusCode(200).body("[0].stopReason", equalTo("answered after the deadline")));
    }

    @Test
    void aCustomerHangingUpBeforePickupIsRecordedAsAbandoned() {
        String contact = SlaFixture.newTicketId();
        Instant offeredAt = SlaFixture.now();
        sla.contactOffered(contact, "voice", offeredAt);
        sla.await(contact, EventTypes.SLA_CLOCK_STARTED, SlaClockStarted.class);
        sla.contactAbandoned(contact, "voice", offeredAt.plusSeconds(1));

        await().atMost(SlaFixture.WAIT).untilAsserted(() -> given().get("/api/tickets/{id}/clocks", contact).then()
                .statusCode(200).body("[0].state", equalTo("stopped")).body("[0].stopReason", equalTo("abandoned")));
        assertEquals(List.of("sla.clock.started"), sla.types(contact, Duration.ofSeconds(4)), "neither met nor breached");
    }

    @Test
    void aCallbackIsDueAtItsAppointedTime() {
        String ticket = SlaFixture.newTicketId();
        Instant scheduledAt = SlaFixture.now();
        Instant dueAt = scheduledAt.plusSeconds(2);
        sla.callbackScheduled(ticket, "cb-" + ticket, scheduledAt, dueAt);

        SlaClockStarted started = sla.await(ticket, EventTypes.SLA_CLOCK_STARTED, SlaClockStarted.class);
        assertEquals("callback", started.clock().kind());
        assertEquals(dueAt, started.clock().deadline());
        SlaBreached breached = sla.await(ticket, EventTypes.SLA_BREACHED, SlaBreached.class);
        assertFalse(breached.firedAt().isBefore(dueAt), "R3: missing the appointed time is a breach");
    }

    @Test
    void aRescheduledCallbackIsDueAtItsNewTime_R3() {
        String ticket = SlaFixture.newTicketId();
        Instant scheduledAt = SlaFixture.now();
        sla.callbackScheduled(ticket, "cb-" + ticket, scheduledAt, scheduledAt.plusSeconds(3600));
        sla.await(ticket, EventTypes.SLA_CLOCK_STARTED, SlaClockStarted.class);
        Instant newDue = SlaFixture.now().plusSeconds(3);
        sla.callbackScheduled(ticket, "cb-" + ticket, SlaFixture.now(), newDue); // the agent moved it earlier

        SlaBreached breached = sla.await(ticket, EventTypes.SLA_BREACHED, SlaBreached.class);
        assertEquals(newDue, breached.clock().deadline(), "the promise is the new time");
        assertFalse(breached.firedAt().isBefore(newDue));
        assertEquals(1, sla.types(ticket, Duration.ZERO).stream().filter("sla.clock.started"::equals).count(),
                "one clock, moved; not a second one");
    }

    @Test
    void aCallbackMadeInTimeMeetsThePromise() {
        String ticket = SlaFixture.newTicketId();
        Instant scheduledAt = SlaFixture.now();
        sla.callbackScheduled(ticket, "cb-" + ticket, scheduledAt, scheduledAt.plusSeconds(60));
        sla.await(ticket, EventTypes.SLA_CLOCK_STARTED, SlaClockStarted.class);
        Instant calledAt = SlaFixture.now();
        sla.callbackCompleted(ticket, "cb-" + ticket, calledAt);
        assertEquals(calledAt, sla.await(ticket, EventTypes.SLA_MET, SlaMet.class).metAt());
    }
}
