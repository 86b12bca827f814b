package io.supportsuite.sla;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.sla.SlaBreached;
import io.supportsuite.events.sla.SlaClockPaused;
import io.supportsuite.events.sla.SlaClockResumed;
import io.supportsuite.events.sla.SlaClockStarted;
import io.supportsuite.events.sla.SlaMet;
import io.supportsuite.events.sla.SlaWarning;
import jakarta.inject.Inject;

/** The ops views (R4, M1): breaches and at-risk clocks by time left, clock history, compliance, pickup speed. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class OpsViewsTest {

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
    void breachesAndAtRiskClocksAreListedByTimeLeft() {
        String overdue = SlaFixture.newTicketId();
        sla.ticketCreated(overdue, SlaFixture.now().minusSeconds(3600), "standard");
        String risky = SlaFixture.newTicketId();
        // follow-up policy: 30 s; created 20 s ago, so the 50 % warning fired and about 10 s are left.
        sla.ticketCreated(risky, SlaFixture.now().minusSeconds(20), "standard", "email", "normal", "follow-up");
        sla.await(overdue, EventTypes.SLA_BREACHED, SlaBreached.class);
        sla.await(risky, EventTypes.SLA_WARNING, SlaWarning.class);

        List<Map<String, Object>> breaches = ops().get("/api/sla/breaches").then().statusCode(200).extract().jsonPath().getList("");
        Map<String, Object> breach = breaches.stream().filter(b -> overdue.equals(b.get("ticketId"))).findFirst().orElseThrow();
        assertTrue(((Number) breach.get("secondsLeft")).longValue() < -3000, "an hour past: " + breach);
        assertEquals(100, breach.get("lastStage"));
        assertSortedBySecondsLeft(breaches);

        List<Map<String, Object>> atRisk = ops().get("/api/sla/at-risk").then().statusCode(200).extract().jsonPath().getList("");
        Map<String, Object> risk = atRisk.stream().filter(b -> risky.equals(b.get("ticketId"))).findFirst().orElseThrow();
        long left = ((Number) risk.get("secondsLeft")).longValue();
        assertTrue(left > 0 && left <= 10, "about 10 s left: " + risk);
        assertTrue(atRisk.stream().noneMatch(b -> overdue.equals(b.get("ticketId"))), "a breach is not merely at risk");
        assertSortedBySecondsLeft(atRisk);
    }

    @Test
    void aTicketsHistoryGivesTheReasonForEveryPauseAndStop() {
        String ticket = SlaFixture.newTicketId();
        sla.ticketCreated(ticket, SlaFixture.now(), "standard", "email", "normal", "follow-up");
        sla.await(ticket, EventTypes.SLA_CLOCK_STARTED, SlaClockStarted.class);
        sla.statusChanged(ticket, "new", "pending", SlaFixture.now());
        sla.await(ticket, EventTypes.SLA_CLOCK_PAUSED, SlaClockPaused.class);
        sla.customerWrote(ticket, SlaFixture.now());
        sla.await(ticket, EventTypes.SLA_CLOCK_RESUMED, SlaClockResumed.class);
        sla.replied(ticket, SlaFixture.now());
        sla.await(ticket, EventTypes.SLA_MET, SlaMet.class);

        ops().get("/api/tickets/{id}/clocks/history", ticket).then().statusCode(200)
                .body("event", equalTo(List.of("started", "paused", "resumed", "stopped")))
                .body("[0].detail", startsWith("policy follow-up"))
                .body("[1].detail", equalTo("waiting on customer"))
                .body("[3].detail", equalTo("met"));
        ops().get("/api/tickets/{id}/clocks/history", "no-such-ticket").then().statusCode(404);
    }

    @Test
    void aTicketsHistoryGivesEveryStageWithItsDueTime() {
        String ticket = SlaFixture.newTicketId();
        sla.ticketCreated(ticket, SlaFixture.now().minusSeconds(3600), "standard");
        sla.await(ticket, EventTypes.SLA_BREACHED, SlaBreached.class);

        ops().get("/api/tickets/{id}/clocks/history", ticket).then().statusCode(200)
                .body("event", equalTo(List.of("started", "warning", "warning", "breached")))
                .body("[1].detail", startsWith("50 % of the budget, due "))
                .body("[3].detail", startsWith("100 % of the budget, due "));
    }

    @Test
    void pickupSpeedAndAbandonmentPerChannel() {
        String channel = "voice-" + UUID.randomUUID();
        Instant t0 = SlaFixture.now().minusSeconds(60);
        // Outcomes first, offers after: each clock settles by event time as its offer arrives (3 rings of 1 s).
        List<String> contacts = List.of(SlaFixture.newTicketId(), SlaFixture.newTicketId(), SlaFixture.newTicketId(),
                SlaFixture.newTicketId());
        sla.contactAnswered(contacts.get(0), channel, t0.plusSeconds(1));
        sla.contactAnswered(contacts.get(1), channel, t0.plusSeconds(2));
        sla.contactAnswered(contacts.get(2), channel, t0.plusSeconds(5));
        sla.contactAbandoned(contacts.get(3), channel, t0.plusSeconds(1));
        await().pollDelay(Duration.ofSeconds(1)).atMost(SlaFixture.WAIT).until(() -> true);
        contacts.forEach(c -> sla.contactOffered(c, channel, t0));

        await().atMost(SlaFixture.WAIT).untilAsserted(() -> ops().get("/api/sla/pickup").then().statusCode(200)
                .body("find { it.channel == '" + channel + "' }.offered", equalTo(4))
                .body("find { it.channel == '" + channel + "' }.answered", equalTo(3))
                .body("find { it.channel == '" + channel + "' }.abandoned", equalTo(1))
                .body("find { it.channel == '" + channel + "' }.p50Seconds", equalTo(2.0f))
                .body("find { it.channel == '" + channel + "' }.p90Seconds", equalTo(4.4f))
                .body("find { it.channel == '" + channel + "' }.abandonmentPercent", equalTo(25.0f)));
        ops().queryParam("by", "channel").queryParam("kind", "pickup").get("/api/sla/compliance").then().statusCode(200)
                .body("find { it.group == '" + channel + "' }.met", equalTo(2))
                .body("find { it.group == '" + channel + "' }.breached", equalTo(1))
                .body("find { it.group == '" + channel + "' }.compliancePercent", equalTo(66.67f));
    }

    @Test
    void complianceIsGroupedByPolicyAndRejectsUnknownGroupings() {
        String met = SlaFixture.newTicketId();
        sla.ticketCreated(met, SlaFixture.now(), "vip");
        sla.replied(met, SlaFixture.now());
        sla.await(met, EventTypes.SLA_MET, SlaMet.class);
        await().atMost(SlaFixture.WAIT).untilAsserted(() -> ops().queryParam("by", "policy").get("/api/sla/compliance")
                .then().statusCode(200).body("group", hasItem("vip")));
        ops().queryParam("by", "colour").get("/api/sla/compliance").then().statusCode(422)
                .contentType("application/problem+json");
        ops().queryParam("from", "yesterday").get("/api/sla/pickup").then().statusCode(422);
    }

    @Test
    void opsViewsAreForSupervisorsAndAdmins() {
        given().get("/api/sla/breaches").then().statusCode(401).contentType("application/problem+json");
        given().auth().preemptive().basic("agent", "agent").get("/api/sla/at-risk").then().statusCode(403);
        given().auth().preemptive().basic("admin", "admin").get("/api/sla/compliance").then().statusCode(200);
    }

    private static RequestSpecification ops() {
        return given().auth().preemptive().basic("supervisor", "supervisor");
    }

    private static void assertSortedBySecondsLeft(List<Map<String, Object>> alerts) {
        List<Long> left = alerts.stream().map(a -> ((Number) a.get("secondsLeft")).longValue()).toList();
        assertEquals(left.stream().sorted().toList(), left, "sorted by time left");
    }
}
