package io.supportsuite.tickets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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
 * Issue 5, roles: only supervisors and admins merge customers or manage agents, teams and canned responses, only an admin
 * manages admins. Each refusal is 401 or 403 problem+json and changes nothing (C2 merges included).
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class RolesTest {

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

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aPlainAgentCannotManageAgentsTeamsCannedResponsesOrCustomersAndNothingChanges() {
        String team = fixture.team(unique("Desk"));
        String agent = unique("plain");
        String agentId = fixture.agent(agent, "Plain Agent", "agent", team);
        String cannedId = given().contentType(ContentType.JSON).body(Map.of("title", "Hi", "body", "Hello {{customer.name}}"))
                .post("/api/canned-responses").then().statusCode(201).extract().path("id");
        String customer = fixture.newTicket().customer().customerId();
        String segment = given().get("/api/customers/{id}", customer).then().statusCode(200).extract().path("segment");
        String name = given().get("/api/customers/{id}", customer).then().extract().path("name");

        forbidden(TicketFixture.as(agent).contentType(ContentType.JSON).body(Map.of("name", "Plain Agent", "role", "admin",
                "teamIds", List.of(team))).put("/api/agents/{id}", agentId));
        forbidden(TicketFixture.as(agent).delete("/api/teams/{id}", team));
        forbidden(TicketFixture.as(agent).contentType(ContentType.JSON).body(Map.of("title", "Hi", "body", "changed"))
                .put("/api/canned-responses/{id}", cannedId));
        forbidden(TicketFixture.as(agent).delete("/api/canned-responses/{id}", cannedId));
        forbidden(TicketFixture.as(agent).contentType(ContentType.JSON).body(Map.of("name", "Someone", "segment", "vip"))
                .put("/api/customers/{id}", customer));
        given().auth().none().delete("/api/teams/{id}", team).then().statusCode(401).contentType(PROBLEM);
        given().auth().none().contentType(ContentType.JSON).body(Map.of("name", "Someone", "segment", "vip"))
                .put("/api/customers/{id}", customer).then().statusCode(401).contentType(PROBLEM);

        given().get("/api/agents/{id}", agentId).then().statusCode(200).body("role", equalTo("agent"));
        given().get("/api/teams").then().statusCode(200).body("id", hasItem(team));
        given().get("/api/canned-responses/{id}", cannedId).then().statusCode(200).body("body", equalTo("Hello {{customer.name}}"));
        given().get("/api/customers/{id}", customer).then().statusCode(200).body("segment", equalTo(segment))
                .body("name", equalTo(name));
    }

    @Test
    void onlyASupervisorOrAdminUndoesACustomerMergeAndOnlyAnAdminManagesAdmins_C2() {
        String kept = fixture.newTicket().customer().customerId();
        String merged = fixture.newTicket().customer().customerId();
        String mergeId = given().contentType(ContentType.JSON).body(Map.of("into", kept)).post("/api/customers/{id}/merge", merged)
                .then().statusCode(200).extract().path("id");
        String agent = unique("plain");
        fixture.agent(agent, "Plain Agent", "agent");
        forbidden(TicketFixture.as(agent).post("/api/customers/merges/{id}/undo", mergeId));
        given().auth().none().post("/api/customers/merges/{id}/undo", mergeId).then().statusCode(401).contentType(PROBLEM);
        given().get("/api/customers/{id}", merged).then().statusCode(200).body("mergedInto", equalTo(kept));

        String supervisor = unique("sup");
        fixture.agent(supervisor, "Sue", "supervisor");
        String admin = unique("adm");
        String adminId = fixture.agent(admin, "Second Admin", "admin");
        forbidden(TicketFixture.as(supervisor).delete("/api/agents/{id}", adminId));
        forbidden(TicketFixture.as(supervisor).contentType(ContentType.JSON).body(Map.of("name", "Demoted", "role", "agent",
                "teamIds", List.of())).put("/api/agents/{id}", adminId));
        given().get("/api/agents/{id}", adminId).then().statusCode(200).body("role", equalTo("admin")).body("name", equalTo("Second Admin"));
        TicketFixture.as(supervisor).post("/api/customers/merges/{id}/undo", mergeId).then().statusCode(200);
    }

    private static void forbidden(io.restassured.response.Response response) {
        response.then().statusCode(403).contentType(PROBLEM).body("type", endsWith("/forbidden"));
    }
}
