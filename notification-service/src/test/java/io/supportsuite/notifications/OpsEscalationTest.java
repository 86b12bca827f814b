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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import io.restassured.http.ContentType;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.devstack.testing.Reactive;
import io.supportsuite.notifications.SpineEvents.Ticket;
import io.supportsuite.notifications.alert.OpsAlert;

/**
 * N8: a burst of breaches is throttled into digests; a breach nobody acknowledges escalates once to the
 * manager sink (here Slack-compatible); an acknowledged one does not. The 30 minutes are moved, not waited: the test sets the breach's escalation
 * time into the past, as if they had passed.
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(OpsWebhookResource.class)
class OpsEscalationTest {

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
    void n8UnacknowledgedBreachEscalatesOnceToTheManagerAfterThirtyMinutes() {
        Ticket ticket = SpineEvents.ticket("UTC");
        events.sendCreated(ticket);
        events.sendClockStarted(ticket.id(), DEADLINE);
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("ticketId", ticket.id()).get("/api/notifications")
                .then().body("$", hasSize(1)));
        events.sendBreached(SpineEvents.breached(ticket.id(), "first_response", DEADLINE, DEADLINE));
        receiver.await(ticket.id(), 1, WAIT);
        given().queryParam("ticketId", ticket.id()).get("/api/alerts").then()
                .body("[0].sink", equalTo("ops")).body("[0].escalateAt", notNullValue());
        assertTrue(receiver.withKey(escalationKey(ticket.id())).isEmpty(), "not before the thirty minutes");

        thirtyMinutesPass(ticket.id());

        OpsWebhookReceiver.Received post = receiver.awaitKey(escalationKey(ticket.id()), WAIT);
        String text = post.json().get("text").asText();
        assertTrue(text.contains("Escalation") && text.contains("#" + ticket.number()) && text.contains("first_response"), text);
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("ticketId", ticket.id()).get("/api/alerts").then()
                .body("$", hasSize(2))
                .body("find { it.stage == 'escalated' }.sink", equalTo("manager"))
                .body("find { it.stage == 'escalated' }.state", equalTo("sent"))
                .body("find { it.stage == 'breached' }.escalateAt", nullValue()));
        assertEquals(1, receiver.withKey(escalationKey(ticket.id())).size(), "escalated once");
    }

    @Test
    void n8AcknowledgedBreachDoesNotEscalate() throws InterruptedException {
        String ticketId = SpineEvents.ticket("UTC").id();
        events.sendBreached(SpineEvents.breached(ticketId, "first_response", DEADLINE, DEADLINE));
        receiver.await(ticketId, 1, WAIT);
        long id = given().queryParam("ticketId", ticketId).get("/api/alerts").then().extract().jsonPath().getLong("[0].id");

        given().contentType(ContentType.JSON).body("{\"by\":\"Sona (ops)\"}").post("/api/alerts/" + id + "/acknowledge")
                .then().statusCode(200)
                .body("acknowledgedBy", equalTo("Sona (ops)")).body("acknowledgedAt", notNullValue())
                .body("escalateAt", nullValue());
        thirtyMinutesPass(ticketId);
        Thread.sleep(2500); // longer than two escalation rounds (poll interval 1 s)

        assertEquals(List.of(), receiver.withKey(escalationKey(ticketId)));
        given().queryParam("ticketId", ticketId).get("/api/alerts").then().body("$", hasSize(1));
        given().contentType(ContentType.JSON).body("{\"by\":\"Sona (ops)\"}").post("/api/alerts/999999999/acknowledge")
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{}").post("/api/alerts/" + id + "/acknowledge")
                .then().statusCode(422).contentType("application/problem+json").body("detail", containsString("by"));
    }

    @Test
    void n8BurstOfBreachesBecomesADigestAndNothingIsDropped() {
        List<String> ids = IntStream.range(0, 8).mapToObj(i -> SpineEvents.ticket("UTC").id()).toList();
        ids.forEach(id -> events.sendBreached(SpineEvents.breached(id, "first_response", DEADLINE, DEADLINE)));

        for (String id : ids) {
            await().atMost(WAIT).untilAsserted(() -> given().queryParam("ticketId", id).get("/api/alerts").then()
                    .body("[0].state", equalTo("sent")));
        }
        Map<String, Long> named = new HashMap<>();
        long posts = 0;
        for (OpsWebhookReceiver.Received post : receiver.all()) {
            List<String> inPost = new ArrayList<>();
            if (post.json().has("alerts")) {
                post.json().get("alerts").forEach(a -> inPost.add(a.get("ticketId").asText()));
                assertEquals(post.json().get("count").asInt(), inPost.size());
            } else if (post.ticketId() != null) {
                inPost.add(post.ticketId());
            }
            if (inPost.stream().anyMatch(ids::contains)) {
                posts++;
                inPost.forEach(id -> named.merge(id, 1L, Long::sum));
            }
        }
        assertEquals(ids.stream().collect(Collectors.toMap(id -> id, id -> 1L)), named, "each alert named exactly once");
        assertTrue(posts < ids.size(), "the burst was throttled into digests: " + posts + " POSTs for " + ids.size());
    }

    /** Moves the breach's escalation time into the past (the thirty minutes have passed), acknowledged or not. */
    private static void thirtyMinutesPass(String ticketId) {
        Reactive.await(() -> Panache.withTransaction(() -> OpsAlert.update(
                "escalateAt = ?1 where ticketId = ?2 and stage = ?3",
                Instant.now().minusSeconds(1), ticketId, OpsAlert.STAGE_BREACHED)));
    }

    private static String escalationKey(String ticketId) {
        return "alert:" + ticketId + ":first_response:escalated";
    }
}
