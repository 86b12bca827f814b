package io.supportsuite.notifications;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.sla.SlaBreached;
import io.supportsuite.notifications.SpineEvents.Ticket;

/** N8: one ops alert per breach, POSTed to the ops webhook durably, with bounded retries. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(OpsWebhookResource.class)
class OpsAlertTest {

    private static final Instant DEADLINE = Instant.parse("2026-11-22T17:05:00Z");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @OpsWebhookResource.Receiver
    OpsWebhookReceiver receiver;

    private SpineEvents events;

    @BeforeEach
    void connect() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        events = new SpineEvents(mapper, bootstrap);
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    @Test
    void n8BreachPostsOneAlertWithTheClockAndTicket() {
        Ticket ticket = SpineEvents.ticket("UTC");
        events.sendCreated(ticket);
        events.sendClockStarted(ticket.id(), DEADLINE);
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("ticketId", ticket.id()).get("/api/notifications")
                .then().body("$", hasSize(1))); // the ticket is known before it breaches
        events.sendBreached(SpineEvents.breached(ticket.id(), "first_response", DEADLINE, DEADLINE.plusSeconds(2)));

        OpsWebhookReceiver.Received post = receiver.await(ticket.id(), 1, WAIT).get(0);
        assertEquals("application/json", post.contentType());
        assertEquals("alert:" + ticket.id() + ":first_response:breached", post.idempotencyKey());
        JsonNode json = post.json();
        assertEquals(new TreeSet<>(Set.of("ticketId", "clock", "policy", "deadline", "firedAt", "lateSeconds", "number",
                "subject", "stage")), fieldNames(json));
        assertEquals("breached", json.get("stage").asText());
        assertEquals(ticket.id(), json.get("ticketId").asText());
        assertEquals("first_response", json.get("clock").asText());
        assertEquals("default", json.get("policy").asText());
        assertEquals(DEADLINE, Instant.parse(json.get("deadline").asText()));
        assertEquals(DEADLINE.plusSeconds(2), Instant.parse(json.get("firedAt").asText()));
        assertEquals(2, json.get("lateSeconds").asLong());
        assertEquals(ticket.number(), json.get("number").asLong());
        assertEquals(ticket.subject(), json.get("subject").asText());

        await().atMost(WAIT).untilAsserted(() -> given().queryParam("ticketId", ticket.id()).get("/api/alerts").then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].ticketId", equalTo(ticket.id()))
                .body("[0].clock", equalTo("first_response"))
                .body("[0].deadline", equalTo("2026-11-22T17:05:00Z"))
                .body("[0].lateSeconds", equalTo(2))
                .body("[0].state", equalTo("sent"))
                .body("[0].attempts", equalTo(1))
                .body("[0].sentAt", notNullValue()));
        given().header("Accept", "text/plain").get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("support_ops_alerts_total{outcome=\"sent\""));
    }

    @Test
    void n8VipTicketAtRiskAlertsOpsOnceBeforeTheBreachAndAStandardOneDoesNot() throws InterruptedException {
        Ticket vip = SpineEvents.ticket("UTC");
        Ticket standard = SpineEvents.ticket("UTC");
        Instant deadline = Instant.now().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        events.send(Topics.TICKETS, vip.id(), EventTypes.TICKET_CREATED, java.util.UUID.randomUUID().toString(),
                SpineEvents.created(vip, "billing", "vip"));
        events.sendCreated(standard);
        for (Ticket ticket : List.of(vip, standard)) {
            events.sendClockStarted(ticket.id(), deadline);
            await().atMost(WAIT).untilAsserted(() -> given().queryParam("ticketId", ticket.id()).get("/api/notifications")
                    .then().body("$", hasSize(1))); // the ticket is known before its warnings
        }
        events.sendWarning(vip.id(), deadline, 50); // R4's first stage: not yet at risk
        events.sendWarning(vip.id(), deadline, 80);
        events.sendWarning(vip.id(), deadline, 80); // re-published under a new id
        events.sendWarning(standard.id(), deadline, 80);

        JsonNode json = receiver.await(vip.id(), 1, WAIT).get(0).json();
        assertEquals("at_risk", json.get("stage").asText());
        assertEquals("first_response", json.get("clock").asText());
        assertEquals(deadline, Instant.parse(json.get("deadline").asText()));
        assertEquals(vip.number(), json.get("number").asLong());
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("ticketId", vip.id()).get("/api/alerts").then()
                .body("$", hasSize(1)).body("[0].stage", equalTo("at_risk")).body("[0].state", equalTo("sent"))
                .body("[0].escalateAt", nullValue())); // only a breach escalates
        Thread.sleep(1500);
        assertEquals(1, receiver.about(vip.id()).size(), "one alert per ticket, clock and stage");
        assertEquals(0, receiver.about(standard.id()).size(), "a standard ticket alerts ops on breach only");
        given().queryParam("ticketId", standard.id()).get("/api/alerts").then().body("$", hasSize(0));
    }

    @Test
    void n8RedeliveredBreachPostsNoSecondAlert() {
        String ticketId = SpineEvents.ticket("UTC").id();
        SlaBreached breach = SpineEvents.breached(ticketId, "first_response", DEADLINE, DEADLINE);
        String ceId = events.sendBreached(breach);
        receiver.await(ticketId, 1, WAIT);

        events.send(Topics.SLA, ticketId, EventTypes.SLA_BREACHED, ceId, breach); // redelivered
        events.sendBreached(breach); // the same breach re-published under a new id
        // Behind them on the same partition: another clock's breach, which must be alerted on its own.
        events.sendBreached(SpineEvents.breached(ticketId, "resolution", DEADLINE, DEADLINE));
        receiver.await(ticketId, 2, WAIT);

        await().atMost(WAIT).untilAsserted(() -> given().queryParam("ticketId", ticketId).get("/api/alerts").then()
                .body("$", hasSize(2))
                .body("state", equalTo(List.of("sent", "sent"))));
        List<String> clocks = receiver.about(ticketId).stream().map(r -> r.json().get("clock").asText()).sorted().toList();
        assertEquals(List.of("first_response", "resolution"), clocks, "one POST per breach");
    }

    @Test
    void n8WebhookAnswering500IsRetriedUntilSent() {
        String ticketId = SpineEvents.ticket("UTC").id();
        receiver.answer(ticketId, 500);
        events.sendBreached(SpineEvents.breached(ticketId, "first_response", DEADLINE, DEADLINE));

        List<OpsWebhookReceiver.Received> posts = receiver.await(ticketId, 2, WAIT);
        assertEquals(List.of(500, 200), posts.stream().map(OpsWebhookReceiver.Received::answered).toList());
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("ticketId", ticketId).get("/api/alerts").then()
                .body("[0].state", equalTo("sent"))
                .body("[0].attempts", equalTo(2))
                .body("[0].lastError", nullValue())
                .body("[0].sentAt", notNullValue()));
    }

    @Test
    void n8WebhookThatKeepsFailingEndsFailedWithTheReasonAfterBoundedAttempts() throws InterruptedException {
        String ticketId = SpineEvents.ticket("UTC").id();
        receiver.answer(ticketId, 503, 503, 503, 503, 503);
        events.sendBreached(SpineEvents.breached(ticketId, "first_response", DEADLINE, DEADLINE));

        await().atMost(WAIT).untilAsserted(() -> given().queryParam("ticketId", ticketId).get("/api/alerts").then()
                .body("[0].state", equalTo("failed"))
                .body("[0].attempts", equalTo(3)) // notifications.alerts.max-attempts in the test profile
                .body("[0].lastError", containsString("503"))
                .body("[0].sentAt", nullValue()));
        Thread.sleep(1000); // longer than the test back-off: a failed alert is not tried again
        assertEquals(3, receiver.about(ticketId).size());
    }

    @Test
    void alertsListIsNewestFirstAndRejectsABadLimit() {
        String first = SpineEvents.ticket("UTC").id();
        String second = SpineEvents.ticket("UTC").id();
        events.sendBreached(SpineEvents.breached(first, "first_response", DEADLINE, DEADLINE));
        receiver.await(first, 1, WAIT);
        events.sendBreached(SpineEvents.breached(second, "first_response", DEADLINE, DEADLINE));
        receiver.await(second, 1, WAIT);

        await().atMost(WAIT).untilAsserted(() -> {
            List<String> newest = given().queryParam("limit", 2).get("/api/alerts").then().statusCode(200)
                    .extract().jsonPath().getList("ticketId", String.class);
            assertEquals(List.of(second, first), newest);
        });
        given().queryParam("limit", 0).get("/api/alerts").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", containsString("limit"));
    }

    private static Set<String> fieldNames(JsonNode json) {
        Set<String> names = new TreeSet<>();
        json.fieldNames().forEachRemaining(names::add);
        assertTrue(!names.isEmpty());
        return names;
    }
}
