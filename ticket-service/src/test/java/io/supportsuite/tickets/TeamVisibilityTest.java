package io.supportsuite.tickets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.supportsuite.devstack.testing.DevStackResource;
import jakarta.inject.Inject;

/**
 * An agent sees and acts only on their teams' tickets and those assigned to them; supervisors and admins see all. Another's
 * ticket answers 404, as a missing one would, and nothing changes. The queue and the views apply the same rule.
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class TeamVisibilityTest {

    private static final String PROBLEM = "application/problem+json";

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

    private static void assign(String ticketId, Map<String, String> body) {
        given().contentType(ContentType.JSON).body(body).put("/api/tickets/{id}/assignment", ticketId).then().statusCode(200);
    }

    @Test
    void agentSeesAndWorksOnlyTheirTeamsAndTheirOwnTicketsSupervisorsSeeAll() {
        String tag = "vis" + UUID.randomUUID().toString().substring(0, 8);
        String mine = fixture.team("Mine " + tag);
        String theirs = fixture.team("Theirs " + tag);
        String agent = "agent-" + tag;
        String agentId = fixture.agent(agent, "Vis Agent", "agent", mine);
        String supervisor = "super-" + tag;
        fixture.agent(supervisor, "Vis Supervisor", "supervisor");

        String ofMyTeam = fixture.newTicket().ticketId();
        String ofTheirTeam = fixture.newTicket().ticketId();
        String assignedToMe = fixture.newTicket().ticketId();
        String noTeam = fixture.newTicket().ticketId();
        for (String id : List.of(ofMyTeam, ofTheirTeam, assignedToMe, noTeam)) {
            given().contentType(ContentType.JSON).body(Map.of("tags", List.of(tag))).put("/api/tickets/{id}/tags", id).then().statusCode(200);
        }
        assign(ofMyTeam, Map.of("teamId", mine));
        assign(ofTheirTeam, Map.of("teamId", theirs));
        assign(assignedToMe, Map.of("teamId", theirs, "assigneeId", agentId));

        TicketFixture.as(agent).get("/api/tickets/{id}", ofMyTeam).then().statusCode(200);
        TicketFixture.as(agent).get("/api/tickets/{id}", assignedToMe).then().statusCode(200);
        TicketFixture.as(agent).get("/api/tickets/{id}", ofTheirTeam).then().statusCode(404).contentType(PROBLEM)
                .body("type", endsWith("/not-found"));
        TicketFixture.as(agent).get("/api/tickets/{id}", noTeam).then().statusCode(404);
        TicketFixture.as(supervisor).get("/api/tickets/{id}", ofTheirTeam).then().statusCode(200);

        // Acting on another team's ticket: 404, nothing changed.
        TicketFixture.as(agent).contentType(ContentType.JSON).body(Map.of("status", "solved")).patch("/api/tickets/{id}", ofTheirTeam)
                .then().statusCode(404);
        TicketFixture.as(agent).contentType(ContentType.JSON).body(Map.of("body", "Hello")).post("/api/tickets/{id}/replies", ofTheirTeam)
                .then().statusCode(404);
        TicketFixture.as(agent).contentType(ContentType.JSON).body(Map.of("text", "psst")).post("/api/tickets/{id}/notes", ofTheirTeam)
                .then().statusCode(404);
        TicketFixture.as(agent).contentType(ContentType.JSON).body(Map.of("priority", "urgent"))
                .put("/api/tickets/{id}/priority", ofTheirTeam).then().statusCode(404);
        TicketFixture.as(agent).contentType(ContentType.JSON).body(Map.of("into", ofMyTeam)).post("/api/tickets/{id}/merge", ofTheirTeam)
                .then().statusCode(404);
        TicketFixture.as(agent).get("/api/tickets/{id}/callbacks", ofTheirTeam).then().statusCode(404);
        fixture.ticket(ofTheirTeam).body("status", equalTo("new")).body("priority", equalTo("normal"))
                .body("messages.size()", equalTo(1)).body("timeline.kind", equalTo(List.of("message", "tags_changed", "assigned")));

        // The queue and the views show the same.
        List<String> queue = TicketFixture.as(agent).queryParam("limit", 200).get("/api/tickets").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertTrue(queue.containsAll(List.of(ofMyTeam, assignedToMe)), "own team's and own tickets");
        assertTrue(queue.stream().noneMatch(List.of(ofTheirTeam, noTeam)::contains), "nothing else: " + queue);
        assertEquals(List.of(ofMyTeam), TicketFixture.as(agent).queryParam("tag", tag).get("/api/views/unassigned").then().statusCode(200)
                .extract().jsonPath().getList("items.id"));
        assertEquals(List.of(ofMyTeam, ofTheirTeam, noTeam), TicketFixture.as(supervisor).queryParam("tag", tag)
                .get("/api/views/unassigned").then().statusCode(200).extract().jsonPath().getList("items.id"));
    }
}
