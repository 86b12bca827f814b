package io.supportsuite.notifications;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.supportsuite.events.customer.CustomerMerged;
import io.supportsuite.events.customer.CustomerUnmerged;
import io.supportsuite.events.delivery.DeliveryFailed;
import io.supportsuite.events.outbound.MessageSend;
import io.supportsuite.events.ticket.TicketCreated;
import io.supportsuite.notifications.SpineEvents.Ticket;

/**
 * C2 here: after ticket-service merges customer A into B, A's opt-out (N6), A's NPS invitation (N5) and A's contact points (the
 * delivery fallback) count for B's tickets;
 * undoing the merge restores each customer's own state. Real broker, events as ticket-service publishes them.
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(OpsWebhookResource.class)
class CustomerMergeTest {

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

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
    void c2OptOutOfTheMergedCustomerHoldsForTheKeptOneUntilTheMergeIsUndone_N6() {
        Ticket a = SpineEvents.ticket(null);
        solve(a);
        given().post(Outbound.link(outbound.await(a.id(), "follow_up:").text(), "unsubscribe")).then().statusCode(200);
        Ticket b = SpineEvents.ticket(null);

        String mergeId = UUID.randomUUID().toString();
        String ceId = merge(mergeId, a, b);
        events.send(Topics.TICKETS, b.customerId(), EventTypes.CUSTOMER_MERGED, ceId, merged(mergeId, a, b)); // redelivered
        await().atMost(Outbound.WAIT).untilAsserted(() -> given().get("/api/consents/" + b.customerId()).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].action", equalTo("unsubscribed")).body("[0].customerId", equalTo(a.customerId())));

        Ticket b2 = b.another();
        solve(b2);
        awaitScheduled(b2, "FOLLOW_UP", "suppressed", "opted out of email");
        assertEquals(List.of(), outbound.all(b2.id(), "follow_up:", Duration.ofSeconds(1)), "B is A: never mailed after A opted out");

        unmerge(mergeId, a, b);
        await().atMost(Outbound.WAIT).untilAsserted(() -> given().get("/api/consents/" + b.customerId()).then().body("$", hasSize(0)));
        Ticket b3 = b.another();
        solve(b3);
        assertTrue(outbound.await(b3.id(), "follow_up:").text().contains("/unsubscribe/"), "B on their own again");
        Ticket a2 = a.another();
        solve(a2);
        awaitScheduled(a2, "FOLLOW_UP", "suppressed", "opted out of email");
    }

    @Test
    void c2NpsIntervalCountsTheMergedCustomersInvitationUntilUndone_N5() {
        Ticket a = SpineEvents.ticket(null);
        Ticket b = SpineEvents.ticket(null);
        String mergeId = UUID.randomUUID().toString();
        merge(mergeId, a, b);
        awaitGroup(b, List.of(a.customerId(), b.customerId()));
        solve(a);
        outbound.await(a.id(), "nps:");

        Ticket b1 = b.another();
        solve(b1);
        awaitScheduled(b1, "NPS", "suppressed", null);
        assertEquals(List.of(), outbound.all(b1.id(), "nps:", Duration.ofSeconds(1)), "one NPS per person per 90 days");

        unmerge(mergeId, a, b);
        awaitGroup(b, List.of(b.customerId()));
        Ticket b2 = b.another();
        solve(b2);
        assertEquals("survey", outbound.await(b2.id(), "nps:").kind());
    }

    @Test
    void c2FallbackMayUseTheMergedCustomersPhoneUntilTheMergeIsUndone() {
        Ticket a = SpineEvents.ticket(SpineEvents.daytimeZone());
        String phone = "+3712" + (1000000 + (int) (Math.random() * 8999999));
        TicketCreated byPhone = SpineEvents.created(a);
        CustomerRef c = byPhone.customer();
        events.send(Topics.TICKETS, a.id(), EventTypes.TICKET_CREATED, UUID.randomUUID().toString(), new TicketCreated(byPhone.ticketId(),
                byPhone.number(), byPhone.subject(), "sms", byPhone.status(), byPhone.priority(), null, null, new CustomerRef(
                        c.customerId(), c.name(), c.locale(), c.timeZone(), c.segment(), List.of(new Identity("phone", phone, null, a.name()))),
                byPhone.messageId(), byPhone.thread(), byPhone.createdAt()));
        Ticket b = SpineEvents.ticket(SpineEvents.daytimeZone());
        String mergeId = UUID.randomUUID().toString();
        merge(mergeId, a, b);
        awaitGroup(b, List.of(a.customerId(), b.customerId()));

        Ticket b1 = b.another();
        solve(b1);
        String key = outbound.await(b1.id(), "follow_up:").idempotencyKey();
        failed(b1, key);
        MessageSend fallback = outbound.await(b1.id(), key + ":fallback:");
        assertEquals("sms", fallback.channel());
        assertEquals(phone, fallback.recipient().value());

        unmerge(mergeId, a, b);
        awaitGroup(b, List.of(b.customerId()));
        Ticket b2 = b.another();
        solve(b2);
        String second = outbound.await(b2.id(), "follow_up:").idempotencyKey();
        failed(b2, second);
        await().atMost(Outbound.WAIT).untilAsserted(() -> given().queryParam("ticketId", b2.id()).get("/api/notifications").then()
                .body("find { it.idempotencyKey == '" + second + "' }.deliveryReason",
                        equalTo("permanent failure on email: 550 no such user; no other channel known")));
    }

    private void failed(Ticket ticket, String key) {
        events.send(Topics.DELIVERY, ticket.id(), EventTypes.DELIVERY_FAILED, UUID.randomUUID().toString(),
                new DeliveryFailed(key, "follow_up", ticket.id(), "email", true, "550 no such user", 1, Instant.now()));
    }

    private String merge(String mergeId, Ticket merged, Ticket kept) {
        String ceId = UUID.randomUUID().toString();
        events.send(Topics.TICKETS, kept.customerId(), EventTypes.CUSTOMER_MERGED, ceId, merged(mergeId, merged, kept));
        return ceId;
    }

    private static CustomerMerged merged(String mergeId, Ticket merged, Ticket kept) {
        return new CustomerMerged(mergeId, merged.customerId(), ref(kept, merged), List.of(merged.id()), List.of(email(merged)), "sup",
                Instant.now());
    }

    private void unmerge(String mergeId, Ticket merged, Ticket kept) {
        events.send(Topics.TICKETS, kept.customerId(), EventTypes.CUSTOMER_UNMERGED, UUID.randomUUID().toString(),
                new CustomerUnmerged(mergeId, ref(merged), kept.customerId(), List.of(merged.id()), List.of(email(merged)), "sup",
                        Instant.now()));
    }

    private static CustomerRef ref(Ticket customer, Ticket... alsoReachedAs) {
        List<Identity> identities = new java.util.ArrayList<>(List.of(email(customer)));
        for (Ticket t : alsoReachedAs) {
            identities.add(email(t));
        }
        return new CustomerRef(customer.customerId(), customer.name(), customer.locale(), customer.timeZone(), "standard", identities);
    }

    private static Identity email(Ticket t) {
        return new Identity("email", t.email(), null, t.name());
    }

    private static void awaitGroup(Ticket customer, List<String> members) {
        List<String> sorted = members.stream().sorted().toList();
        await().atMost(Outbound.WAIT).untilAsserted(() -> given().get("/api/customers/" + customer.customerId() + "/group").then()
                .statusCode(200).body("$", equalTo(sorted)));
    }

    private static void awaitScheduled(Ticket ticket, String kind, String state, String reason) {
        await().atMost(Outbound.WAIT).untilAsserted(() -> {
            var then = given().queryParam("ticketId", ticket.id()).get("/api/notifications/scheduled").then()
                    .body("find { it.kind == '" + kind + "' }.state", equalTo(state));
            if (reason != null) {
                then.body("find { it.kind == '" + kind + "' }.reason", equalTo(reason));
            }
        });
    }

    private void solve(Ticket ticket) {
        events.sendCreated(ticket);
        events.sendStatus(ticket.id(), "open", "solved");
    }
}
