package io.supportsuite.notifications;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.common.CustomerRef;
import io.supportsuite.events.common.Identity;
import io.supportsuite.events.delivery.DeliveryFailed;
import io.supportsuite.events.delivery.DeliverySucceeded;
import io.supportsuite.events.outbound.MessageSend;
import io.supportsuite.events.ticket.TicketCreated;
import io.supportsuite.notifications.SpineEvents.Ticket;
import io.supportsuite.notifications.service.SignedLinks;

/**
 * Delivery results: a permanent failure of a customer message falls back to the customer's next channel where
 * consent allows, recorded on the message; a transient failure or a success changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(OpsWebhookResource.class)
class DeliveryFallbackTest {

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "notifications.links.secret")
    String secret;

    private SpineEvents events;
    private Outbound outbound;

    @BeforeEach
    void connect() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        events = new SpineEvents(mapper, bootstrap);
        outbound = new Outbound(mapper, bootstrap);
    }

    @AfterEach
    void disconnect() {
        events.close();
        outbound.close();
    }

    @Test
    void permanentFailureFallsBackToTheNextChannelOnceAndTransientOrSuccessChangeNothing() {
        Ticket ticket = SpineEvents.ticket(SpineEvents.daytimeZone());
        events.send(Topics.TICKETS, ticket.id(), EventTypes.TICKET_CREATED, UUID.randomUUID().toString(), withPhone(ticket));
        events.sendClockStarted(ticket.id(), Instant.now().plus(Duration.ofHours(4)));
        String key = outbound.await(ticket.id(), "ack:").idempotencyKey();

        failed(key, false, "mailbox full");
        events.send(Topics.DELIVERY, ticket.id(), EventTypes.DELIVERY_SUCCEEDED, UUID.randomUUID().toString(),
                new DeliverySucceeded(key, "ack", ticket.id(), "email", "prov-1", 1, Instant.now()));
        String permanent = failed(key, true, "550 no such user");
        events.send(Topics.DELIVERY, ticket.id(), EventTypes.DELIVERY_FAILED, permanent, // redelivered
                new DeliveryFailed(key, "ack", ticket.id(), "email", true, "550 no such user", 1, Instant.now()));

        MessageSend fallback = outbound.await(ticket.id(), key + ":fallback:");
        assertEquals("sms", fallback.channel());
        assertEquals("+37120000001", fallback.recipient().value());
        await().atMost(Outbound.WAIT).untilAsserted(() -> given().queryParam("ticketId", ticket.id()).get("/api/notifications")
                .then().body("$", hasSize(2))
                .body("find { it.idempotencyKey == '" + key + "' }.deliveryState", equalTo("failed"))
                .body("find { it.idempotencyKey == '" + key + "' }.deliveryReason",
                        equalTo("permanent failure on email: 550 no such user; fell back to sms"))
                .body("find { it.channel == 'sms' }.fallbackOf", equalTo(key))
                .body("find { it.channel == 'sms' }.deliveryState", nullValue()));
        assertEquals(1, outbound.all(ticket.id(), key + ":fallback:", Duration.ofSeconds(2)).size(),
                "one fallback, however often the failure arrives");
    }

    @Test
    void n6NoFallbackToAChannelTheCustomerOptedOutOfAndTheOutcomeIsRecorded() {
        Ticket ticket = SpineEvents.ticket(SpineEvents.daytimeZone());
        String unsubscribeSms = new SignedLinks(secret).sign(new SignedLinks.Claims(SignedLinks.UNSUBSCRIBE,
                "link-" + UUID.randomUUID(), ticket.customerId(), "sms", "en", Instant.now().plus(Duration.ofDays(1))));
        given().post("/unsubscribe/" + unsubscribeSms).then().statusCode(200);
        events.send(Topics.TICKETS, ticket.id(), EventTypes.TICKET_CREATED, UUID.randomUUID().toString(), withPhone(ticket));
        events.sendStatus(ticket.id(), "open", "solved");
        String key = outbound.await(ticket.id(), "follow_up:").idempotencyKey();

        failed(key, true, "550 no such user");

        await().atMost(Outbound.WAIT).untilAsserted(() -> given().queryParam("ticketId", ticket.id()).get("/api/notifications")
                .then().body("find { it.idempotencyKey == '" + key + "' }.deliveryReason",
                        equalTo("permanent failure on email: 550 no such user; no other channel with consent")));
        assertEquals(List.of(), outbound.all(ticket.id(), key + ":fallback:", Duration.ofSeconds(2)));
    }

    private String failed(String key, boolean permanent, String reason) {
        String ticketId = key.substring(key.indexOf(':') + 1).split(":")[0];
        return events.send(Topics.DELIVERY, ticketId, EventTypes.DELIVERY_FAILED, UUID.randomUUID().toString(),
                new DeliveryFailed(key, "ack", ticketId, "email", permanent, reason, 1, Instant.now()));
    }

    /** The ticket's customer has an e-mail address and, next, a phone. */
    private static TicketCreated withPhone(Ticket t) {
        TicketCreated created = SpineEvents.created(t);
        CustomerRef c = created.customer();
        CustomerRef customer = new CustomerRef(c.customerId(), c.name(), c.locale(), c.timeZone(), c.segment(),
                List.of(new Identity("email", t.email(), null, t.name()), new Identity("phone", "+37120000001", null, t.name())));
        return new TicketCreated(created.ticketId(), created.number(), created.subject(), created.channel(), created.status(),
                created.priority(), created.team(), created.assigneeId(), customer, created.messageId(), created.thread(),
                created.createdAt());
    }
}
