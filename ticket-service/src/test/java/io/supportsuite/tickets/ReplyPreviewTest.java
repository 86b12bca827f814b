package io.supportsuite.tickets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

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
import io.supportsuite.events.ticket.TicketCreated;
import jakarta.inject.Inject;

/** The console's preview of a canned reply: placeholders filled as the customer will read them (C5, N7), nothing sent. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class ReplyPreviewTest {

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
    void previewFillsTheCannedResponsesPlaceholdersAndStoresNothing_C5_N7() {
        TicketCreated ticket = fixture.newTicket(fixture.mail().from("lee@example.com", "Lee Park"));
        String canned = given().contentType(ContentType.JSON)
                .body(Map.of("title", "Thanks " + UUID.randomUUID(), "body", "Hello {{customer.name}}, ticket #{{ticket.number}}. {{ agent.name }}"))
                .post("/api/canned-responses").then().statusCode(201).extract().path("id");

        given().contentType(ContentType.JSON).body(Map.of("cannedResponseId", canned))
                .post("/api/tickets/{id}/reply-preview", ticket.ticketId()).then().statusCode(200)
                .body("text", equalTo("Hello Lee Park, ticket #" + ticket.number() + ". Administrator"));
        fixture.ticket(ticket.ticketId()).body("messages", hasSize(1)).body("status", equalTo("new"));

        given().contentType(ContentType.JSON).body(Map.of("cannedResponseId", canned))
                .post("/api/tickets/{id}/reply-preview", UUID.randomUUID()).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/tickets/{id}/reply-preview", ticket.ticketId()).then()
                .statusCode(422);
    }
}
