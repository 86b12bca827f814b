package io.supportsuite.tickets;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.sla.ClockRef;
import io.supportsuite.events.sla.SlaMet;
import io.supportsuite.events.sla.SlaWarning;
import jakarta.inject.Inject;

/** The live stream (SSE): each change to a ticket an agent may see reaches their open stream, fed from the topics. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class LiveStreamTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @TestHTTPResource("/api/stream")
    URL stream;

    TicketFixture fixture;

    @BeforeEach
    void open() {
        fixture = new TicketFixture(bootstrap, mapper);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private URI stream(String query) {
        return URI.create(stream + "?" + query);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void replyAndStatusChangeMadeThroughTheApiReachTheOpenStreamWithTheNewSummary() {
        String ticket = fixture.newTicket().ticketId();
        try (SseClient client = SseClient.open(stream("tickets=" + ticket), TicketFixture.ADMIN, TicketFixture.ADMIN_PASSWORD)) {
            given().contentType(ContentType.JSON).body(Map.of("body", "On it.")).post("/api/tickets/{id}/replies", ticket).then()
                    .statusCode(201);
            JsonPath replied = client.change(ticket, "ticket.replied");
            assertEquals("open", replied.getString("ticket.status"), "the summary after the reply: a new ticket became open");
            assertNotNull(replied.getString("ticket.firstRespondedAt"));
            assertNotNull(replied.getString("eventId"));

            fixture.status(ticket, "pending", null).statusCode(200);
            JsonPath pending = client.await(e -> "change".equals(e.name()) && ticket.equals(e.data().getString("ticketId"))
                    && "pending".equals(e.data().getString("ticket.status"))).data();
            assertEquals("ticket.status.changed", pending.getString("change"));
        }
    }

    @Test
    void slaWarningAndMetMoveATicketIntoAndOutOfTheAtRiskView_R4() {
        String ticket = fixture.newTicket().ticketId();
        Instant now = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        ClockRef clock = new ClockRef("clock-" + ticket, ticket, "first_response", "default", "email", "normal",
                now.plus(Duration.ofHours(2)), 28800, 36000);
        try (SseClient client = SseClient.open(stream("view=at-risk"), TicketFixture.ADMIN, TicketFixture.ADMIN_PASSWORD)) {
            fixture.sla(ticket, EventTypes.SLA_WARNING, new SlaWarning(clock, 80, now), UUID.randomUUID().toString());
            JsonPath warned = client.change(ticket, "sla.warning");
            assertTrue(warned.getBoolean("inView"), "the stream read the standing after the SLA consumer applied the warning");
            assertTrue(warned.getBoolean("ticket.sla.atRisk"));

            fixture.sla(ticket, EventTypes.SLA_MET, new SlaMet(clock, now.plusSeconds(5)), UUID.randomUUID().toString());
            JsonPath met = client.change(ticket, "sla.met");
            assertEquals(false, met.getBoolean("inView"), "met: the ticket left the at-risk view");
        }
    }

    @Test
    void anAgentReceivesOnlyTheTicketsTheyMaySee() {
        String mine = fixture.team(unique("Live mine"));
        String other = fixture.team(unique("Live other"));
        String username = unique("live");
        fixture.agent(username, "Live Agent", "agent", mine);
        String visible = fixture.newTicket().ticketId();
        String hidden = fixture.newTicket().ticketId();
        assign(visible, mine);
        assign(hidden, other);
        try (SseClient client = SseClient.open(stream(""), username, username + "-secret")) {
            priority(hidden, "urgent");
            priority(visible, "high");
            JsonPath seen = client.change(visible, "ticket.priority.changed");
            assertEquals("high", seen.getString("ticket.priority"));
            // The hidden ticket's change was made first; give it time to arrive, had it been sent.
            org.awaitility.Awaitility.await().pollDelay(TicketFixture.QUIET).until(() -> true);
            assertEquals(List.of(), client.changes(hidden), "another team's ticket never reaches the agent's stream");
        }
    }

    @Test
    void theStreamNeedsALoginAndAKnownView() {
        given().auth().none().accept("text/event-stream").get("/api/stream").then().statusCode(401);
        given().accept("text/event-stream").queryParam("view", "everything").get("/api/stream").then().statusCode(422);
        given().accept("text/event-stream").queryParam("tickets", "not-a-ticket").get("/api/stream").then().statusCode(422);
    }

    private static void assign(String ticket, String team) {
        given().contentType(ContentType.JSON).body(Map.of("teamId", team)).put("/api/tickets/{id}/assignment", ticket).then().statusCode(200);
    }

    private static void priority(String ticket, String priority) {
        given().contentType(ContentType.JSON).body(Map.of("priority", priority)).put("/api/tickets/{id}/priority", ticket).then()
                .statusCode(200);
    }
}
