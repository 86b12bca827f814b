package io.supportsuite.tickets;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.sla.ClockRef;
import io.supportsuite.events.sla.SlaBreached;
import io.supportsuite.events.sla.SlaClockStarted;
import io.supportsuite.events.sla.SlaWarning;
import jakarta.inject.Inject;

/** The console's views: mine, unassigned, team, at risk (R4), breached (R1); filters, SLA-deadline order, keyset pages. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class ViewsTest {

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

    private static ClockRef clock(String ticketId, Instant deadline) {
        return new ClockRef("clock-" + ticketId, ticketId, "first_response", "default", "email", "normal", deadline, 0, 36000);
    }

    private void tag(String ticketId, String tag) {
        given().contentType(ContentType.JSON).body(Map.of("tags", List.of(tag))).put("/api/tickets/{id}/tags", ticketId).then().statusCode(200);
    }

    private List<String> ids(String username, String view, Map<String, ?> query) {
        return TicketFixture.as(username).queryParams(query).get("/api/views/{view}", view).then().statusCode(200)
                .extract().jsonPath().getList("items.id");
    }

    @Test
    void viewsFilterAndSortBySlaDeadlineWithKeysetPages_R1_R4() {
        String tag = "v" + UUID.randomUUID().toString().substring(0, 8);
        String team = fixture.team("Views " + tag);
        String vi = "vi-" + tag;
        String viId = fixture.agent(vi, "Vi Agent", "supervisor", team); // sees every team's tickets
        Mail lastMail = fixture.mail().text("Where is invoice " + tag + "?");
        String a = fixture.newTicket().ticketId();
        String b = fixture.newTicket().ticketId();
        String c = fixture.newTicket().ticketId();
        String d = fixture.newTicket(lastMail).ticketId();
        for (String id : List.of(a, b, c, d)) {
            tag(id, tag);
        }
        given().contentType(ContentType.JSON).body(Map.of("assigneeId", viId, "teamId", team)).put("/api/tickets/{id}/assignment", a)
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("teamId", team)).put("/api/tickets/{id}/assignment", b).then().statusCode(200);

        Instant now = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        fixture.sla(a, EventTypes.SLA_CLOCK_STARTED, new SlaClockStarted(clock(a, now.plus(Duration.ofHours(2))), now), UUID.randomUUID().toString());
        fixture.sla(b, EventTypes.SLA_WARNING, new SlaWarning(clock(b, now.plus(Duration.ofHours(1))), 80, now), UUID.randomUUID().toString());
        fixture.sla(c, EventTypes.SLA_BREACHED, new SlaBreached(clock(c, now.minus(Duration.ofHours(1))), now), UUID.randomUUID().toString());
        await().atMost(TicketFixture.WAIT).untilAsserted(() -> fixture.ticket(c).body("sla.breached", equalTo(true)));
        await().atMost(TicketFixture.WAIT).untilAsserted(() -> fixture.ticket(b).body("sla.atRisk", equalTo(true)));
        await().atMost(TicketFixture.WAIT).untilAsserted(() -> fixture.ticket(a).body("sla.deadline", equalTo(now.plus(Duration.ofHours(2)).toString())));

        assertEquals(List.of(a), ids(vi, "mine", Map.of("tag", tag)));
        assertEquals(List.of(b, a), ids(vi, "team", Map.of("tag", tag)));
        assertEquals(List.of(c, b, d), ids(vi, "unassigned", Map.of("tag", tag)), "breached first, no deadline last");
        assertEquals(List.of(b), ids(vi, "at-risk", Map.of("tag", tag)));
        assertEquals(List.of(c), ids(vi, "breached", Map.of("tag", tag)));
        assertEquals(List.of(d), ids(vi, "unassigned", Map.of("q", "INVOICE " + tag)), "text search over messages");
        assertEquals(List.of(), ids(vi, "unassigned", Map.of("tag", tag, "priority", "urgent")));
        assertEquals(List.of(c, b, d), ids(vi, "unassigned", Map.of("tag", tag, "channel", "email", "status", "new")));

        JsonPath first = TicketFixture.as(vi).queryParams(Map.of("tag", tag, "limit", 1)).get("/api/views/unassigned").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of(c), first.getList("items.id"));
        JsonPath second = TicketFixture.as(vi).queryParams(Map.of("tag", tag, "limit", 1, "after", first.getString("next")))
                .get("/api/views/unassigned").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(b), second.getList("items.id"));
        JsonPath third = TicketFixture.as(vi).queryParams(Map.of("tag", tag, "limit", 2, "after", second.getString("next")))
                .get("/api/views/unassigned").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(d), third.getList("items.id"));
        assertEquals(null, third.getString("next"));

        fixture.status(c, "solved", null).statusCode(200);
        assertEquals(List.of(), ids(vi, "breached", Map.of("tag", tag)), "a solved ticket leaves the working views");
    }

    @Test
    void unknownViewIsNotFoundAndBadFiltersAreUnprocessable() {
        given().get("/api/views/everything").then().statusCode(404).contentType("application/problem+json");
        given().queryParam("after", "yesterday").get("/api/views/unassigned").then().statusCode(422)
                .body("errors.field", equalTo(List.of("after")));
        given().queryParam("priority", "asap").queryParam("status", "archived").get("/api/views/breached").then().statusCode(422)
                .body("errors.field", equalTo(List.of("status", "priority")));
        given().auth().none().get("/api/views/mine").then().statusCode(401);
        given().queryParam("limit", 1).get("/api/views/mine").then().statusCode(200).body("next", nullValue());
    }
}
