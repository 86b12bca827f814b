package io.supportsuite.notifications;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.events.outbound.MessageSend;
import io.supportsuite.notifications.SpineEvents.Ticket;
import io.supportsuite.notifications.service.SignedLinks;

/** N6: signed unsubscribe links that take effect at once, block later follow-ups and surveys, are audited and undone. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(OpsWebhookResource.class)
class ConsentTest {

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
    void n6OptOutBlocksLaterFollowUpsUntilTheCustomerResubscribes() {
        Ticket first = SpineEvents.ticket(null, "az");
        solve(first);
        MessageSend followUp = outbound.await(first.id(), "follow_up:");
        String unsubscribe = Outbound.link(followUp.text(), "unsubscribe");

        // Opening the link only asks; the button does it, at once, and offers the way back.
        given().get(unsubscribe).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("lang=\"az\""), containsString("method=\"post\""));
        given().get("/api/consents/" + first.customerId()).then().statusCode(200).body("$", hasSize(0));
        String page = given().post(unsubscribe).then().statusCode(200)
                .body(containsString("Abunəlikdən çıxdınız")).extract().asString();
        given().post(unsubscribe).then().statusCode(409).body(containsString("Keçiddən artıq istifadə olunub"));
        given().get("/api/consents/" + first.customerId()).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].action", equalTo("unsubscribed")).body("[0].channel", equalTo("email"));

        Ticket second = first.another();
        solve(second);
        await().atMost(Outbound.WAIT).untilAsserted(() -> given().queryParam("ticketId", second.id())
                .get("/api/notifications/scheduled").then()
                .body("find { it.kind == 'FOLLOW_UP' }.state", equalTo("suppressed"))
                .body("find { it.kind == 'FOLLOW_UP' }.reason", equalTo("opted out of email")));
        assertEquals(List.of(), outbound.all(second.id(), "follow_up:", Duration.ofSeconds(1)));

        String resubscribe = page.substring(page.indexOf("/subscribe/"), page.indexOf('"', page.indexOf("/subscribe/")));
        given().post(resubscribe).then().statusCode(200).body(containsString("Yenidən abunə oldunuz"));
        given().post(resubscribe).then().statusCode(409); // a link works once: reused, it changes nothing
        given().get("/api/consents/" + first.customerId()).then()
                .body("action", equalTo(List.of("unsubscribed", "subscribed")));

        Ticket third = first.another();
        solve(third);
        assertTrue(outbound.await(third.id(), "follow_up:").text().contains("/unsubscribe/"));
    }

    @Test
    void n6ForgedOrExpiredUnsubscribeLinksChangeNothing() {
        Ticket ticket = SpineEvents.ticket(null);
        String expired = new SignedLinks(secret).sign(new SignedLinks.Claims(SignedLinks.UNSUBSCRIBE, "link-x",
                ticket.customerId(), "email", "en", Instant.now().minusSeconds(1)));
        String forged = new SignedLinks("not-the-service-secret").sign(new SignedLinks.Claims(SignedLinks.UNSUBSCRIBE,
                "link-y", ticket.customerId(), "email", "en", Instant.now().plusSeconds(600)));

        given().post("/unsubscribe/" + expired).then().statusCode(410).body(containsString("This link has expired"));
        given().post("/unsubscribe/" + forged).then().statusCode(400).body(containsString("This link is not valid"));
        given().get("/unsubscribe/not-a-token").then().statusCode(400);
        given().get("/api/consents/" + ticket.customerId()).then().statusCode(200).body("$", hasSize(0));

        solve(ticket);
        assertTrue(outbound.await(ticket.id(), "follow_up:").text().contains("/unsubscribe/"), "still subscribed");
    }

    private void solve(Ticket ticket) {
        events.sendCreated(ticket);
        events.sendStatus(ticket.id(), "open", "solved");
    }
}
