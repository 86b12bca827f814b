package io.supportsuite.tickets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
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
import io.restassured.path.json.JsonPath;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.agent.AgentChanged;
import io.supportsuite.events.outbound.MessageSend;
import io.supportsuite.events.ticket.TicketAssigned;
import io.supportsuite.events.ticket.TicketEscalated;
import io.supportsuite.events.ticket.TicketMerged;
import io.supportsuite.events.ticket.TicketNoteAdded;
import io.supportsuite.events.ticket.TicketPriorityChanged;
import io.supportsuite.events.ticket.TicketTagsChanged;
import jakarta.inject.Inject;

/** Agents at work: login and roles, notes, assignment, priority, tags, escalation (C6), merge, canned responses (C5, N7). */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class AgentConsoleTest {

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
    void unauthenticatedIsUnauthorizedAndForbiddenRoleIsForbiddenChangingNothing() {
        String id = fixture.newTicket().ticketId();
        given().auth().none().get("/api/tickets").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("Basic"));
        given().auth().none().contentType(ContentType.JSON).body(Map.of("status", "solved")).patch("/api/tickets/{id}", id).then()
                .statusCode(401);
        given().auth().preemptive().basic(TicketFixture.ADMIN, "wrong").get("/api/tickets/{id}", id).then().statusCode(401);
        fixture.ticket(id).statusCode(200).body("status", equalTo("new"));

        String agent = unique("agent");
        fixture.agent(agent, "Plain Agent", "agent");
        String supervisor = unique("super");
        fixture.agent(supervisor, "Sue Supervisor", "supervisor");
        TicketFixture.as(agent).contentType(ContentType.JSON)
                .body(Map.of("username", unique("x"), "name", "X", "password", "12345678", "role", "agent"))
                .post("/api/agents").then().statusCode(403).contentType(PROBLEM).body("type", endsWith("/forbidden"));
        TicketFixture.as(supervisor).contentType(ContentType.JSON)
                .body(Map.of("username", unique("boss"), "name", "Boss", "password", "12345678", "role", "admin"))
                .post("/api/agents").then().statusCode(403);
        TicketFixture.as(agent).get("/api/tickets/{id}", id).then().statusCode(404); // not of their teams, see TeamVisibilityTest
        TicketFixture.as(supervisor).get("/api/tickets/{id}", id).then().statusCode(200);
        given().get("/api/agents").then().statusCode(200).body("username", not(hasItem(containsString("boss"))))
                .body("username", hasItem(agent));
        TicketFixture.as(agent).get("/api/me").then().statusCode(200).body("role", equalTo("agent")).body("name", equalTo("Plain Agent"));
    }

    @Test
    void notesAssignmentPriorityTagsAndEscalationAreEventsAndTimelineLines_C6_C7() {
        String id = fixture.newTicket().ticketId();
        String team = fixture.team(unique("Billing"));
        String ann = unique("ann");
        String annId = fixture.agent(ann, "Ann Agent", "supervisor", team);
        String plainId = fixture.agent(unique("plain"), "Plain Agent", "agent", team);
        String sueId = fixture.agent(unique("sue"), "Sue Supervisor", "supervisor", team);

        String noteId = TicketFixture.as(ann).contentType(ContentType.JSON).body(Map.of("text", "Customer called twice."))
                .post("/api/tickets/{id}/notes", id).then().statusCode(201).extract().path("id");
        TicketFixture.as(ann).contentType(ContentType.JSON).body(Map.of("assigneeId", annId, "teamId", team))
                .put("/api/tickets/{id}/assignment", id).then().statusCode(200)
                .body("assigneeId", equalTo(annId)).body("teamId", equalTo(team));
        TicketFixture.as(ann).contentType(ContentType.JSON).body(Map.of("priority", "urgent"))
                .put("/api/tickets/{id}/priority", id).then().statusCode(200).body("priority", equalTo("urgent"));
        TicketFixture.as(ann).contentType(ContentType.JSON).body(Map.of("tags", List.of("Refund", "vip", "refund")))
                .put("/api/tickets/{id}/tags", id).then().statusCode(200).body("tags", equalTo(List.of("refund", "vip")));
        TicketFixture.as(ann).contentType(ContentType.JSON).body(Map.of("to", sueId, "reason", "Threatens to leave"))
                .post("/api/tickets/{id}/escalations", id).then().statusCode(200).body("escalatedTo", equalTo(sueId));

        // Refused requests change nothing.
        TicketFixture.as(ann).contentType(ContentType.JSON).body(Map.of("priority", "asap")).put("/api/tickets/{id}/priority", id)
                .then().statusCode(422).contentType(PROBLEM).body("errors.field", equalTo(List.of("priority")));
        TicketFixture.as(ann).contentType(ContentType.JSON).body(Map.of("to", plainId)).post("/api/tickets/{id}/escalations", id)
                .then().statusCode(422).body("errors.field", equalTo(List.of("to")));
        TicketFixture.as(ann).contentType(ContentType.JSON).body(Map.of("tags", List.of("no spaces"))).put("/api/tickets/{id}/tags", id)
                .then().statusCode(422);

        assertEquals(noteId, fixture.event(Topics.TICKETS, EventTypes.TICKET_NOTE_ADDED, TicketNoteAdded.class,
                e -> id.equals(e.ticketId())).noteId());
        TicketAssigned assigned = fixture.event(Topics.TICKETS, EventTypes.TICKET_ASSIGNED, TicketAssigned.class, e -> id.equals(e.ticketId()));
        assertEquals(annId, assigned.assigneeId());
        assertEquals("Ann Agent", assigned.assigneeName());
        assertEquals(team, assigned.team());
        TicketPriorityChanged priority = fixture.event(Topics.TICKETS, EventTypes.TICKET_PRIORITY_CHANGED, TicketPriorityChanged.class,
                e -> id.equals(e.ticketId()));
        assertEquals("normal>urgent", priority.from() + ">" + priority.to());
        assertEquals(List.of("refund", "vip"), fixture.event(Topics.TICKETS, EventTypes.TICKET_TAGS_CHANGED, TicketTagsChanged.class,
                e -> id.equals(e.ticketId())).added());
        TicketEscalated escalated = fixture.event(Topics.TICKETS, EventTypes.TICKET_ESCALATED, TicketEscalated.class,
                e -> id.equals(e.ticketId()));
        assertEquals(annId + ">" + sueId, escalated.by() + ">" + escalated.to());
        assertEquals("Threatens to leave", escalated.reason());

        JsonPath ticket = fixture.ticket(id).statusCode(200).extract().jsonPath();
        assertEquals(List.of("message", "note", "assigned", "priority_changed", "tags_changed", "escalated"), ticket.getList("timeline.kind"));
        assertEquals("Customer called twice.", ticket.getString("timeline[1].text"));
        assertEquals("Ann Agent", ticket.getString("timeline[1].actor"));
        assertEquals(1, ticket.getList("messages").size(), "a note is not a message to the customer");
        assertEquals(List.of(), fixture.events(EventTypes.MESSAGE_SEND, id, MessageSend.class, TicketFixture.QUIET));
    }

    @Test
    void mergeCombinesTranscriptsAndClosesTheMergedTicketWithAPointer() {
        Mail first = fixture.mail();
        String merged = fixture.newTicket(first).ticketId();
        String into = fixture.newTicket().ticketId();

        given().contentType(ContentType.JSON).body(Map.of("into", merged)).post("/api/tickets/{id}/merge", merged).then()
                .statusCode(422).contentType(PROBLEM).body("errors.field", equalTo(List.of("into")));
        given().contentType(ContentType.JSON).body(Map.of("into", into)).post("/api/tickets/{id}/merge", merged).then()
                .statusCode(200).body("id", equalTo(into));

        fixture.ticket(into).body("messages.size()", equalTo(2)).body("timeline.kind", hasItem("merged"));
        fixture.ticket(merged).body("status", equalTo("closed")).body("mergedInto", equalTo(into)).body("messages.size()", equalTo(0));
        TicketMerged event = fixture.event(Topics.TICKETS, EventTypes.TICKET_MERGED, TicketMerged.class, e -> merged.equals(e.ticketId()));
        assertEquals(into, event.intoTicketId());
        given().contentType(ContentType.JSON).body(Map.of("into", into)).post("/api/tickets/{id}/merge", merged).then()
                .statusCode(409).body("type", endsWith("/ticket-closed"));

        // C3: the customer's answer to the merged ticket's message threads onto the ticket that holds it now.
        Mail answer = fixture.mail().from(first.address(), "Ann Example").replyTo(first.messageId());
        fixture.send(answer);
        org.awaitility.Awaitility.await().atMost(TicketFixture.WAIT)
                .untilAsserted(() -> fixture.ticket(into).body("messages.size()", equalTo(3)));
    }

    @Test
    void cannedResponseRepliesWithPlaceholdersFilled_C5_N7() {
        Mail mail = fixture.mail().from(unique("grace") + "@customer.example", "Grace Hopper");
        String ticketId = fixture.newTicket(mail).ticketId();
        long number = fixture.ticket(ticketId).extract().jsonPath().getLong("number");
        String billing = unique("Billing");
        String team = fixture.team(billing);
        String ada = unique("ada");
        fixture.agent(ada, "Ada Lovelace", "agent", team);
        given().contentType(ContentType.JSON).body(Map.of("teamId", team)).put("/api/tickets/{id}/assignment", ticketId).then().statusCode(200);

        String cannedId = given().contentType(ContentType.JSON).body(Map.of("title", "Refund on its way",
                "body", "Hello {{customer.name}}, about ticket #{{ticket.number}}: refunded.\nAda here? {{ agent.name }}, {{agent.team}}"))
                .post("/api/canned-responses").then().statusCode(201).extract().path("id");
        TicketFixture.as(ada).contentType(ContentType.JSON).body(Map.of("title", "x", "body", "y")).post("/api/canned-responses").then()
                .statusCode(403);
        TicketFixture.as(ada).get("/api/canned-responses").then().statusCode(200).body("id", hasItem(cannedId));

        String expected = "Hello Grace Hopper, about ticket #" + number + ": refunded.\nAda here? Ada Lovelace, " + billing;
        TicketFixture.as(ada).contentType(ContentType.JSON).body(Map.of("cannedResponseId", cannedId))
                .post("/api/tickets/{id}/replies", ticketId).then().statusCode(201)
                .body("text", equalTo(expected)).body("author", equalTo("Ada Lovelace"));
        MessageSend send = fixture.event(Topics.OUTBOUND, EventTypes.MESSAGE_SEND, MessageSend.class, e -> ticketId.equals(e.ticketId()));
        assertEquals(expected, send.text());

        given().contentType(ContentType.JSON).body(Map.of("title", "Refund", "body", "Thanks, {{customer.name}}!"))
                .put("/api/canned-responses/{id}", cannedId).then().statusCode(200).body("title", equalTo("Refund"));
        given().delete("/api/canned-responses/{id}", cannedId).then().statusCode(204);
        given().get("/api/canned-responses/{id}", cannedId).then().statusCode(404).contentType(PROBLEM);
        TicketFixture.as(ada).contentType(ContentType.JSON).body(Map.of("cannedResponseId", cannedId))
                .post("/api/tickets/{id}/replies", ticketId).then().statusCode(422).body("errors.field", equalTo(List.of("cannedResponseId")));
    }

    @Test
    void agentsAndTeamsAreManagedBySupervisorsAndAdmins() {
        String team = fixture.team(unique("Voice"));
        String username = unique("bob");
        String bobId = fixture.agent(username, "Bob", "agent", team);
        given().get("/api/agents/{id}", bobId).then().statusCode(200).body("teamIds", equalTo(List.of(team)))
                .body("$", not(org.hamcrest.Matchers.hasKey("passwordHash")));
        given().contentType(ContentType.JSON).body(Map.of("username", username, "name", "Bob 2", "password", "12345678", "role", "agent"))
                .post("/api/agents").then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("name", "Robert", "role", "supervisor", "teamIds", List.of()))
                .put("/api/agents/{id}", bobId).then().statusCode(200).body("name", equalTo("Robert")).body("role", equalTo("supervisor"))
                .body("teamIds", equalTo(List.of()));
        TicketFixture.as(username).get("/api/me").then().statusCode(200).body("role", equalTo("supervisor"));
        given().contentType(ContentType.JSON).body(Map.of("name", "")).post("/api/teams").then().statusCode(422);
        given().delete("/api/agents/{id}", bobId).then().statusCode(204);
        given().get("/api/agents/{id}", bobId).then().statusCode(404);
        TicketFixture.as(username).get("/api/me").then().statusCode(401);
        given().delete("/api/teams/{id}", team).then().statusCode(204);
        assertTrue(given().get("/api/teams").then().statusCode(200).extract().jsonPath().getList("id").stream().noneMatch(team::equals));
    }

    /** Agents' addresses reach other services as events (notification-service mails an agent's own notices, R3, R4). */
    @Test
    void everyChangeToAnAgentIsAnnouncedWithTheirEmailInOrder() {
        String username = unique("eve");
        String eveId = given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "name", "Eve", "email", "eve@support.example", "password", "eve-secret-1",
                        "role", "agent"))
                .post("/api/agents").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("name", "Eve Adams", "email", " eve.adams@support.example ", "role", "agent"))
                .put("/api/agents/{id}", eveId).then().statusCode(200);
        given().delete("/api/agents/{id}", eveId).then().statusCode(204);

        fixture.event(Topics.TICKETS, EventTypes.AGENT_CHANGED, AgentChanged.class, e -> eveId.equals(e.agentId()) && !e.active());
        List<AgentChanged> changes = fixture.events(EventTypes.AGENT_CHANGED, eveId, AgentChanged.class, java.time.Duration.ofMillis(300));
        assertEquals(List.of("Eve", "Eve Adams", "Eve Adams"), changes.stream().map(AgentChanged::name).toList());
        assertEquals(java.util.Arrays.asList("eve@support.example", "eve.adams@support.example", "eve.adams@support.example"),
                changes.stream().map(AgentChanged::email).toList());
        assertEquals(List.of(true, true, false), changes.stream().map(AgentChanged::active).toList());
    }
}
