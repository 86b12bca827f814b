package io.supportsuite.sla;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
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
import io.restassured.specification.RequestSpecification;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.sla.SlaClockStarted;
import jakarta.inject.Inject;

/**
 * Policies and calendars through the REST API (R1, R4, R6): supervisors and admins manage them, new
 * tickets get the matching policy and its business-hours calendar, running clocks keep theirs until an
 * admin recalculates them.
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class PolicyApiTest {

    private static final ZoneId RIGA = ZoneId.of("Europe/Riga");

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

    private static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user).contentType(ContentType.JSON);
    }

    private static Instant riga(String local) {
        return LocalDateTime.parse(local).atZone(RIGA).toInstant();
    }

    private static Map<String, Object> policy(String team, String calendar, String firstResponse) {
        return Map.of("rank", 10, "channels", List.of("email"), "teams", List.of(team), "calendar", calendar,
                "targets", Map.of("first_response", firstResponse));
    }

    private SlaClockStarted startedFor(String team, Instant createdAt) {
        String ticket = SlaFixture.newTicketId();
        sla.ticketCreated(ticket, createdAt, "standard", "email", "normal", team);
        return sla.await(ticket, EventTypes.SLA_CLOCK_STARTED, SlaClockStarted.class);
    }

    @Test
    void aNewTicketGetsTheMatchingPolicyAndCountsInItsBusinessHours() {
        String team = "billing-" + UUID.randomUUID();
        as("supervisor").body(Map.of("zone", "Europe/Riga", "hours", "MON-FRI 09:00-17:00"))
                .put("/api/sla/calendars/{name}", "riga-office").then().statusCode(200).body("zone", equalTo("Europe/Riga"));
        as("supervisor").body(policy(team, "riga-office", "PT10H")).put("/api/sla/policies/{name}", "billing-email")
                .then().statusCode(200).body("targets.first_response", equalTo("PT10H"));

        // Friday 14:00 in Riga: 3 business hours on Friday, 7 on Monday.
        SlaClockStarted started = startedFor(team, riga("2027-03-05T14:00"));
        assertEquals("billing-email", started.clock().policy());
        assertEquals(riga("2027-03-08T16:00"), started.clock().deadline(), "R1 in business hours");

        SlaClockStarted otherTeam = startedFor("sales", riga("2027-03-05T14:00"));
        assertEquals("default", otherTeam.clock().policy(), "the team must match");
    }

    @Test
    void aPolicyChangeAppliesToNewClocksAndAnAdminRecalculatesRunningOnes() {
        String team = "returns-" + UUID.randomUUID();
        String policy = "returns-" + team.hashCode();
        as("supervisor").body(policy(team, "calendar", "PT10H")).put("/api/sla/policies/{name}", policy).then().statusCode(200);
        Instant createdAt = riga("2027-03-05T14:00");
        SlaClockStarted before = startedFor(team, createdAt);
        assertEquals(createdAt.plusSeconds(10 * 3600), before.clock().deadline());

        as("supervisor").body(policy(team, "calendar", "PT20H")).put("/api/sla/policies/{name}", policy).then().statusCode(200);
        SlaClockStarted after = startedFor(team, createdAt);
        assertEquals(createdAt.plusSeconds(20 * 3600), after.clock().deadline(), "new clocks take the new target");
        given().get("/api/tickets/{id}/clocks", before.clock().ticketId()).then().statusCode(200)
                .body("[0].budgetSeconds", equalTo(36000)).body("[0].deadline", equalTo(before.clock().deadline().toString()));

        as("supervisor").post("/api/sla/clocks/recalculate").then().statusCode(403);
        List<Map<String, Object>> changes = as("admin").post("/api/sla/clocks/recalculate").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.ticketId == '" + before.clock().ticketId() + "' }");
        assertEquals(1, changes.size(), "the running clock was recalculated once");
        assertEquals(36000, changes.get(0).get("budgetSecondsBefore"));
        assertEquals(72000, changes.get(0).get("budgetSecondsAfter"));
        assertEquals(before.clock().deadline().toString(), changes.get(0).get("deadlineBefore"));
        assertEquals(after.clock().deadline().toString(), changes.get(0).get("deadlineAfter"));
        given().get("/api/tickets/{id}/clocks", before.clock().ticketId()).then().statusCode(200)
                .body("[0].budgetSeconds", equalTo(72000)).body("[0].deadline", equalTo(after.clock().deadline().toString()));
        as("admin").post("/api/sla/clocks/recalculate").then().statusCode(200)
                .body("findAll { it.ticketId == '" + before.clock().ticketId() + "' }", hasSize(0));
    }

    @Test
    void policiesAndCalendarsAreSeededFromConfiguration() {
        as("supervisor").get("/api/sla/policies").then().statusCode(200)
                .body("name", hasItem("default")).body("name", hasItem("vip"))
                .body("find { it.name == 'vip' }.segments", equalTo(List.of("vip")))
                .body("find { it.name == 'voice-desk' }.calendar", equalTo("seeded-office"))
                .body("find { it.name == 'voice-desk' }.targets.resolution", equalTo("PT48H"))
                .body("find { it.name == 'voice-desk' }.warningPercents", equalTo(List.of(50, 80)));
        as("supervisor").get("/api/sla/calendars/seeded-office").then().statusCode(200)
                .body("holidays", equalTo(List.of("2026-11-18")));
    }

    @Test
    void onlySupervisorsAndAdminsManagePolicies() {
        given().get("/api/sla/policies").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic"))
                .body("type", equalTo("https://support-suite.dev/problems/unauthorized"));
        given().auth().preemptive().basic("supervisor", "wrong").get("/api/sla/policies").then().statusCode(401);
        as("agent").get("/api/sla/policies").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://support-suite.dev/problems/forbidden"));
        as("agent").body(policy("x", "calendar", "PT1H")).put("/api/sla/policies/{name}", "sneaky").then().statusCode(403);
        as("admin").get("/api/sla/policies").then().statusCode(200);
        as("supervisor").get("/api/sla/policies/{name}", "sneaky").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void invalidPoliciesAndCalendarsAreRejectedWithTheField() {
        as("supervisor").body(Map.of("zone", "Mars/Olympus", "hours", "MON 09:00-17:00"))
                .put("/api/sla/calendars/{name}", "mars").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("zone"));
        as("supervisor").body(Map.of("zone", "UTC", "hours", "weekdays")).put("/api/sla/calendars/{name}", "bad").then()
                .statusCode(422).body("errors[0].field", equalTo("hours"));
        as("supervisor").body(policy("t", "no-such-calendar", "PT1H")).put("/api/sla/policies/{name}", "p").then()
                .statusCode(422).body("errors[0].field", equalTo("calendar"));
        as("supervisor").body(policy("t", "calendar", "ten hours")).put("/api/sla/policies/{name}", "p").then()
                .statusCode(422).body("errors[0].field", equalTo("targets.first_response"));
        as("supervisor").body(Map.of("rank", 1, "targets", Map.of("lunch", "PT1H"))).put("/api/sla/policies/{name}", "p")
                .then().statusCode(422).body("errors[0].field", equalTo("targets.lunch"));
        as("supervisor").delete("/api/sla/policies/{name}", "default").then().statusCode(409);
        as("supervisor").delete("/api/sla/calendars/{name}", "seeded-office").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("voice-desk"));
    }

    @Test
    void holidaysImportFromAnICalendarFeed() throws IOException {
        as("supervisor").body(Map.of("zone", "Europe/Riga", "hours", "MON-FRI 09:00-17:00"))
                .put("/api/sla/calendars/{name}", "latvia").then().statusCode(200);
        given().auth().preemptive().basic("supervisor", "supervisor").contentType("text/calendar")
                .body(resource("/ics/holidays-latvia-2026.ics"))
                .post("/api/sla/calendars/{name}/holidays", "latvia").then().statusCode(200)
                .body("imported", hasSize(13)).body("skipped", hasSize(2))
                .body("calendar.holidays", hasItem("2026-11-18"));
        as("supervisor").get("/api/sla/calendars/{name}", "latvia").then().statusCode(200)
                .body("holidays", hasSize(13)).body("holidays", hasItem("2026-06-24"));
        given().auth().preemptive().basic("supervisor", "supervisor").contentType("text/calendar").body("not a calendar")
                .post("/api/sla/calendars/{name}/holidays", "latvia").then().statusCode(422);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = PolicyApiTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
