package io.supportsuite.tickets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import io.supportsuite.devstack.testing.TopicProbe;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.common.Identity;
import io.supportsuite.events.outbound.MessageSend;
import io.supportsuite.events.ticket.TicketCreated;
import io.supportsuite.events.ticket.TicketMessageAdded;
import io.supportsuite.events.ticket.TicketReplied;
import io.supportsuite.events.ticket.TicketStatusChanged;
import jakarta.inject.Inject;

/** The agent console API: replies (R1, C3), status changes (R5) and the queue; bad input changes nothing. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class TicketApiTest {

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

    @Test
    void firstAgentReplyIsTheFirstResponseAndIsSentToTheCustomer_R1() {
        Mail mail = fixture.mail().from("bob-" + UUID.randomUUID().toString().substring(0, 6) + "@customer.example", "Bob");
        TicketCreated created = fixture.newTicket(mail);
        String id = created.ticketId();

        JsonPath reply = fixture.reply(id, "Sorry about that, a new one is on its way.", "agent-1", "Ada Agent")
                .statusCode(201)
                .body("direction", equalTo("outbound"))
                .body("authorType", equalTo("agent"))
                .body("authorId", equalTo("agent-1"))
                .body("author", equalTo("Ada Agent"))
                .body("text", equalTo("Sorry about that, a new one is on its way."))
                .body("messageId", endsWith("@support-suite.local"))
                .body("inReplyTo", equalTo(mail.messageId()))
                .extract().jsonPath();
        String messageUuid = reply.getString("id");
        String agentMessageId = reply.getString("messageId");

        ConsumerRecord<String, String> repliedRecord = fixture.record(Topics.TICKETS, EventTypes.TICKET_REPLIED, TicketReplied.class,
                e -> id.equals(e.ticketId()));
        TicketReplied replied = fixture.event(Topics.TICKETS, EventTypes.TICKET_REPLIED, TicketReplied.class, e -> id.equals(e.ticketId()));
        assertEquals(id, repliedRecord.key());
        assertTrue(replied.firstResponse());
        assertEquals(agentMessageId, replied.messageId());
        assertEquals("agent-1", replied.agentId());
        assertEquals("Ada Agent", replied.agentName());
        assertEquals("email", replied.channel());

        ConsumerRecord<String, String> sendRecord = fixture.record(Topics.OUTBOUND, EventTypes.MESSAGE_SEND, MessageSend.class,
                e -> id.equals(e.ticketId()));
        MessageSend send = fixture.event(Topics.OUTBOUND, EventTypes.MESSAGE_SEND, MessageSend.class, e -> id.equals(e.ticketId()));
        assertEquals(id, sendRecord.key());
        assertEquals(id, TopicProbe.header(sendRecord, "ce_subject"));
        assertEquals("reply:" + messageUuid, send.idempotencyKey());
        assertEquals("agent_reply", send.kind());
        assertEquals("email", send.channel());
        assertEquals(created.customer().customerId(), send.customerId());
        assertEquals(new Identity("email", mail.address(), null, "Bob"), send.recipient());
        assertEquals("Re: " + mail.subject(), send.subject());
        assertEquals("Sorry about that, a new one is on its way.", send.text());
        assertEquals(agentMessageId, send.replyTo().messageId());
        assertEquals(mail.messageId(), send.replyTo().inReplyTo());
        assertEquals(List.of(mail.messageId()), send.replyTo().references());
        assertEquals("en", send.locale());

        TicketStatusChanged opened = fixture.event(Topics.TICKETS, EventTypes.TICKET_STATUS_CHANGED, TicketStatusChanged.class,
                e -> id.equals(e.ticketId()));
        assertEquals("new", opened.from());
        assertEquals("open", opened.to());
        assertEquals("agent-1", opened.actor());

        String firstRespondedAt = fixture.ticket(id).statusCode(200)
                .body("status", equalTo("open"))
                .body("firstRespondedAt", notNullValue())
                .body("messages", hasSize(2))
                .body("messages[1].direction", equalTo("outbound"))
                .body("messages[1].messageId", equalTo(agentMessageId))
                .extract().path("firstRespondedAt");

        fixture.reply(id, "Tracking number: 123.", "agent-2", "Max Agent").statusCode(201);
        TicketReplied second = fixture.event(Topics.TICKETS, EventTypes.TICKET_REPLIED, TicketReplied.class,
                e -> id.equals(e.ticketId()) && "agent-2".equals(e.agentId()));
        assertFalse(second.firstResponse());
        MessageSend secondSend = fixture.event(Topics.OUTBOUND, EventTypes.MESSAGE_SEND, MessageSend.class,
                e -> id.equals(e.ticketId()) && !e.idempotencyKey().equals("reply:" + messageUuid));
        assertEquals(mail.messageId(), secondSend.replyTo().inReplyTo(), "still answers the customer's last message");
        fixture.ticket(id).body("firstRespondedAt", equalTo(firstRespondedAt)).body("messages", hasSize(3));
        assertEquals(1, fixture.events(EventTypes.TICKET_STATUS_CHANGED, id, TicketStatusChanged.class, Duration.ZERO).size(),
                "only new -> open");
    }

    @Test
    void customerAnswerToTheAgentReplyLandsOnTheTicket_C3() {
        Mail mail = fixture.mail();
        String id = fixture.newTicket(mail).ticketId();
        String agentMessageId = fixture.reply(id, "Could you send a photo?", "agent-1", "Ada Agent").statusCode(201)
                .extract().path("messageId");
        Mail answer = fixture.mail().from(mail.address(), "Ann Example").replyTo(agentMessageId, mail.messageId())
                .text("Photo attached.");
        fixture.send(answer);

        TicketMessageAdded added = fixture.event(Topics.TICKETS, EventTypes.TICKET_MESSAGE_ADDED, TicketMessageAdded.class,
                e -> answer.messageId().equals(e.messageId()));
        assertEquals(id, added.ticketId());
        fixture.ticket(id).body("messages", hasSize(3)).body("messages[2].messageId", equalTo(answer.messageId()));

        fixture.reply(id, "Thanks, replacement sent.", "agent-1", "Ada Agent").statusCode(201);
        MessageSend next = fixture.event(Topics.OUTBOUND, EventTypes.MESSAGE_SEND, MessageSend.class,
                e -> id.equals(e.ticketId()) && answer.messageId().equals(e.replyTo().inReplyTo()));
        assertEquals(List.of(mail.messageId(), agentMessageId, answer.messageId()), next.replyTo().references());
    }

    @Test
    void illegalTransitionIsRefusedWithoutEventAndLegalOnesAreAnnounced_R5() {
        String id = fixture.newTicket().ticketId();

        given().contentType(ContentType.JSON).body(Map.of("status", "closed")).patch("/api/tickets/{id}", id).then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("type", endsWith("/invalid-transition"))
                .body("detail", containsString("from new to closed"));

        fixture.status(id, "pending", "agent-9").statusCode(200).body("status", equalTo("pending")).body("id", equalTo(id));
        TicketStatusChanged pending = fixture.event(Topics.TICKETS, EventTypes.TICKET_STATUS_CHANGED, TicketStatusChanged.class,
                e -> id.equals(e.ticketId()));
        assertEquals("new", pending.from(), "the refused change published nothing before this one");
        assertEquals("pending", pending.to());
        assertEquals("agent-9", pending.actor());

        fixture.status(id, "solved", null).statusCode(200);
        fixture.status(id, "closed", null).statusCode(200);
        fixture.status(id, "open", null).statusCode(409).body("type", endsWith("/invalid-transition"))
                .body("detail", containsString("from closed to open"));
        fixture.status(id, "pending", null).statusCode(409);
        fixture.ticket(id).body("status", equalTo("closed")).body("closedAt", notNullValue());

        List<TicketStatusChanged> changes = fixture.events(EventTypes.TICKET_STATUS_CHANGED, id, TicketStatusChanged.class,
                TicketFixture.QUIET);
        assertEquals(List.of("new>pending", "pending>solved", "solved>closed"),
                changes.stream().map(c -> c.from() + ">" + c.to()).toList());
        assertEquals(null, changes.get(1).actor(), "no X-Agent-Id, no actor");
    }

    @Test
    void replyToClosedTicketIsConflictAndSendsNothing() {
        String id = fixture.newTicket().ticketId();
        fixture.status(id, "solved", null).statusCode(200);
        fixture.status(id, "closed", null).statusCode(200);

        fixture.reply(id, "Hello?", "agent-1", "Ada Agent").statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("/ticket-closed"));
        assertEquals(List.of(), fixture.events(EventTypes.MESSAGE_SEND, id, MessageSend.class, TicketFixture.QUIET));
        fixture.ticket(id).body("messages", hasSize(1));
    }

    @Test
    void unknownTicketIsNotFoundAndMalformedIdIsBadRequest() {
        String missing = UUID.randomUUID().toString();
        fixture.ticket(missing).statusCode(404).contentType(PROBLEM).body("type", endsWith("/not-found"));
        fixture.reply(missing, "Hi", "agent-1", "Ada").statusCode(404).contentType(PROBLEM);
        fixture.status(missing, "open", null).statusCode(404).contentType(PROBLEM);

        fixture.ticket("not-a-uuid").statusCode(400).contentType(PROBLEM).body("type", endsWith("/invalid-id"));
        fixture.reply("42", "Hi", "agent-1", "Ada").statusCode(400).contentType(PROBLEM);
        fixture.status("42", "open", null).statusCode(400).contentType(PROBLEM);

        assertEquals(List.of(), fixture.events(EventTypes.MESSAGE_SEND, missing, MessageSend.class, TicketFixture.QUIET));
        assertEquals(List.of(), fixture.events(EventTypes.TICKET_REPLIED, missing, TicketReplied.class, Duration.ZERO));
    }

    @Test
    void invalidReplyIsUnprocessableNamingTheFieldAndChangesNothing() {
        String id = fixture.newTicket().ticketId();

        fixture.reply(id, "   ", "agent-1", "Ada Agent").statusCode(422).contentType(PROBLEM)
                .body("type", endsWith("/invalid-request"))
                .body("errors.field", equalTo(List.of("body")));
        given().contentType(ContentType.JSON).body(Map.of("agentId", "agent-1")).post("/api/tickets/{id}/replies", id).then()
                .statusCode(422).body("errors.field", equalTo(List.of("body")));
        fixture.reply(id, "x".repeat(64 * 1024 + 1), "agent-1", "Ada Agent").statusCode(422)
                .body("errors.field", equalTo(List.of("body")));
        fixture.reply(id, "x".repeat(64 * 1024), "agent-1", "Ada Agent").statusCode(201);
        given().contentType(ContentType.JSON).body("{\"body\": ").post("/api/tickets/{id}/replies", id).then()
                .statusCode(400).contentType(PROBLEM);

        TicketReplied first = fixture.event(Topics.TICKETS, EventTypes.TICKET_REPLIED, TicketReplied.class, e -> id.equals(e.ticketId()));
        assertTrue(first.firstResponse(), "the refused replies did not count as a response");
        assertEquals(1, fixture.events(EventTypes.MESSAGE_SEND, id, MessageSend.class, TicketFixture.QUIET).size());
        fixture.ticket(id).body("messages", hasSize(2));
    }

    @Test
    void unknownOrMissingStatusIsUnprocessableAndChangesNothing() {
        String id = fixture.newTicket().ticketId();
        fixture.status(id, "archived", null).statusCode(422).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("status")))
                .body("detail", containsString("archived"));
        given().contentType(ContentType.JSON).body("{}").patch("/api/tickets/{id}", id).then()
                .statusCode(422).body("errors.field", equalTo(List.of("status")));
        fixture.ticket(id).body("status", equalTo("new"));
        assertEquals(List.of(), fixture.events(EventTypes.TICKET_STATUS_CHANGED, id, TicketStatusChanged.class, TicketFixture.QUIET));
    }

    @Test
    void queueListsNewestFirstFilteredByStatusInPages() {
        String a = fixture.newTicket().ticketId();
        String b = fixture.newTicket().ticketId();
        String c = fixture.newTicket().ticketId();
        fixture.status(b, "pending", null).statusCode(200);

        JsonPath page = given().queryParam("limit", 2).get("/api/tickets").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].id", equalTo(c))
                .body("items[1].id", equalTo(b))
                .body("items[0].customer.email", notNullValue())
                .body("items[0].customer.name", equalTo("Ann Example"))
                .body("items[0].status", equalTo("new"))
                .body("items[0].firstRespondedAt", nullValue())
                .body("nextBefore", notNullValue())
                .extract().jsonPath();
        given().queryParam("limit", 1).queryParam("before", page.getLong("nextBefore")).get("/api/tickets").then()
                .statusCode(200).body("items[0].id", equalTo(a));

        given().queryParam("status", "pending").get("/api/tickets").then().statusCode(200)
                .body("items.id", hasItem(b))
                .body("items.status", everyItem(equalTo("pending")));
        given().get("/api/tickets").then().statusCode(200).body("items.size()", greaterThan(2));

        given().queryParam("status", "bogus").get("/api/tickets").then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("status")));
        given().queryParam("limit", 201).get("/api/tickets").then().statusCode(422).body("errors.field", equalTo(List.of("limit")));
        given().queryParam("limit", 0).get("/api/tickets").then().statusCode(422);
        given().queryParam("before", "x").get("/api/tickets").then().statusCode(422).body("errors.field", equalTo(List.of("before")));
    }

    @Test
    void businessMetricsCountTicketsThreadingRepliesAndFirstResponseTime_M1() {
        Mail mail = fixture.mail();
        String id = fixture.newTicket(mail).ticketId();
        Mail reply = fixture.mail().replyTo(mail.messageId());
        fixture.send(reply);
        fixture.event(Topics.TICKETS, EventTypes.TICKET_MESSAGE_ADDED, TicketMessageAdded.class,
                e -> reply.messageId().equals(e.messageId()));
        fixture.reply(id, "On it.", "agent-1", "Ada Agent").statusCode(201);

        given().header("Accept", "text/plain").get("/q/metrics").then().statusCode(200)
                .body(containsString("support_tickets_created_total{channel=\"email\""))
                .body(containsString("support_tickets_messages_threaded_total{channel=\"email\""))
                .body(containsString("support_tickets_replies_total{channel=\"email\""))
                .body(containsString("support_tickets_first_response_seconds_count{channel=\"email\""))
                .body(containsString("support_tickets_first_response_seconds_bucket{channel=\"email\""));
    }

    @Test
    void openApiDocumentsTheTicketApi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/tickets/{id}/replies"))
                .body("tags.name", hasItem("Tickets"));
    }
}
