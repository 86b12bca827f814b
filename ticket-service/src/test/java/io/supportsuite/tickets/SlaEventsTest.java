package io.supportsuite.tickets;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.sla.ClockRef;
import io.supportsuite.events.sla.SlaBreached;
import io.supportsuite.events.sla.SlaClockPaused;
import io.supportsuite.events.sla.SlaClockStarted;
import io.supportsuite.events.sla.SlaMet;
import io.supportsuite.events.sla.SlaWarning;
import jakarta.inject.Inject;

/** SLA events from support.sla.v1 in the ticket's timeline (C7) and standing (R1, R4, R5), each handled once. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class SlaEventsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    TicketFixture fixture;

    @BeforeEach
    void open() {
        fixture = new TicketFixture(bootstrap, mapper);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static ClockRef clock(String ticketId, Instant deadline, long elapsed) {
        return new ClockRef("clock-" + ticketId, ticketId, "first_response", "default", "email", "normal", deadline, elapsed, 36000);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    @Test
    void warningsAndBreachLandInTheTimelineAndMoveTheStandingOnce_R1_R4() {
        String ticket = fixture.newTicket().ticketId();
        Instant now = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS); // after the ticket was created
        Instant deadline = now.plus(Duration.ofHours(10));
        fixture.sla(ticket, EventTypes.SLA_CLOCK_STARTED, new SlaClockStarted(clock(ticket, deadline, 0), now), id());
        fixture.sla(ticket, EventTypes.SLA_WARNING, new SlaWarning(clock(ticket, deadline, 18000), 50, now.plusSeconds(1)), id());
        await().atMost(TicketFixture.WAIT).untilAsserted(() -> fixture.ticket(ticket)
                .body("timeline.kind", equalTo(List.of("message", "sla.clock.started", "sla.warning")))
                .body("sla.deadline", equalTo(deadline.toString()))
                .body("sla.atRisk", equalTo(false)));

        String warning80 = id();
        SlaWarning at80 = new SlaWarning(clock(ticket, deadline, 28800), 80, now.plusSeconds(2));
        fixture.sla(ticket, EventTypes.SLA_WARNING, at80, warning80);
        fixture.sla(ticket, EventTypes.SLA_WARNING, at80, warning80); // a redelivery
        await().atMost(TicketFixture.WAIT).untilAsserted(() -> fixture.ticket(ticket).body("sla.atRisk", equalTo(true)));

        fixture.sla(ticket, EventTypes.SLA_BREACHED, new SlaBreached(clock(ticket, deadline, 36000), now.plusSeconds(3)), id());
        await().atMost(TicketFixture.WAIT).untilAsserted(() -> fixture.ticket(ticket)
                .body("sla.breached", equalTo(true))
                .body("sla.atRisk", equalTo(false)));
        JsonPath body = fixture.ticket(ticket).extract().jsonPath();
        assertEquals(List.of("message", "sla.clock.started", "sla.warning", "sla.warning", "sla.breached"), body.getList("timeline.kind"));
        assertEquals(80, body.getInt("timeline[3].details.stagePercent"), "the redelivered warning made no second line");
        assertEquals("first_response", body.getString("timeline[4].details.clock"));
        assertEquals(deadline.toString(), body.getString("timeline[4].details.deadline"));
    }

    @Test
    void pausedClockOwesNothingAndMetClearsTheStanding_R5() {
        String ticket = fixture.newTicket().ticketId();
        Instant now = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS); // after the ticket was created
        Instant deadline = now.plus(Duration.ofHours(10));
        fixture.sla(ticket, EventTypes.SLA_CLOCK_STARTED, new SlaClockStarted(clock(ticket, deadline, 0), now), id());
        fixture.sla(ticket, EventTypes.SLA_CLOCK_PAUSED, new SlaClockPaused(clock(ticket, deadline, 60), "pending", now.plusSeconds(60)), id());
        await().atMost(TicketFixture.WAIT).untilAsserted(() -> fixture.ticket(ticket)
                .body("timeline[-1].kind", equalTo("sla.clock.paused"))
                .body("timeline[-1].details.reason", equalTo("pending"))
                .body("sla.deadline", equalTo(null)));

        fixture.sla(ticket, EventTypes.SLA_MET, new SlaMet(clock(ticket, deadline, 60), now.plusSeconds(120)), id());
        await().atMost(TicketFixture.WAIT).untilAsserted(() -> fixture.ticket(ticket)
                .body("timeline[-1].kind", equalTo("sla.met"))
                .body("sla.breached", equalTo(false))
                .body("sla.deadline", equalTo(null)));
    }
}
