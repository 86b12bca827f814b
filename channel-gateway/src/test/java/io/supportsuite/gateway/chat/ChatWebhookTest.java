package io.supportsuite.gateway.chat;

import static io.supportsuite.gateway.Fixtures.nothingPublished;
import static io.supportsuite.gateway.Fixtures.published;
import static io.supportsuite.gateway.Fixtures.read;
import static io.supportsuite.gateway.Fixtures.signedAt;
import static io.supportsuite.gateway.Fixtures.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.devstack.testing.TopicProbe;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.contact.ContactAnswered;
import io.supportsuite.events.contact.ContactOffered;
import io.supportsuite.events.inbound.MessageReceived;
import io.supportsuite.gateway.SmtpServerResource;
import io.supportsuite.runtime.schema.SchemaMigrator;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(SmtpServerResource.class)
class ChatWebhookTest {

    private static final String SECRET = "dev-chat-secret";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    SchemaMigrator migrator;

    @BeforeEach
    void schemaIsReady() {
        await().atMost(Duration.ofSeconds(60)).until(migrator::isMigrated);
    }

    static String event(String type, String id, String session, String extra) {
        return """
                {"event":"%s","id":"%s","sessionId":"%s","at":"2026-03-02T09:15:00Z",
                 "visitor":{"id":"v-81","name":"Amra Hodžić","email":"Amra.Hodzic@Example.BA"},"locale":"bs"%s}"""
                .formatted(type, id, session, extra);
    }

    static Response signed(String body) {
        return signedAt(SECRET, Instant.now(), body).post("/webhooks/chat");
    }

    @Test
    void aChatRequestOffersTheContactAndItsAcceptanceAnswersIt_R2() {
        String session = unique("s");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.CONTACT)) {
            signed(event("chat.requested", unique("e"), session, ",\"queue\":\"billing\"")).then().statusCode(202)
                    .body("items[0].key", equalTo("chat:" + session));
            signed(event("chat.accepted", unique("e"), session, ",\"agentId\":\"agent-3\"")).then().statusCode(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> published(probe, session).size() == 2);
            var records = published(probe, session);
            var offered = records.stream().filter(r -> EventTypes.CONTACT_OFFERED.equals(TopicProbe.header(r, "ce_type")))
                    .findFirst().orElseThrow();
            assertEquals("chat:" + session, offered.key());
            ContactOffered offer = read(offered, ContactOffered.class);
            assertEquals("email", offer.customer().kind());
            assertEquals("amra.hodzic@example.ba", offer.customer().value(), "lower-cased (C2)");
            assertEquals("billing", offer.queue());
            assertEquals("agent-3", read(records.stream().filter(r -> EventTypes.CONTACT_ANSWERED.equals(TopicProbe.header(r, "ce_type")))
                    .findFirst().orElseThrow(), ContactAnswered.class).agentId());
        }
    }

    @Test
    void aVisitorMessageIsPublishedThreadedBySessionAndAbandonmentIsAContactEvent() {
        String session = unique("s");
        String id = unique("msg");
        try (TopicProbe inbound = new TopicProbe(bootstrap, Topics.INBOUND); TopicProbe contacts = new TopicProbe(bootstrap, Topics.CONTACT)) {
            signed(event("chat.message", id, session, ",\"text\":\"Zdravo, trebam pomoć\"")).then().statusCode(202);
            var record = published(inbound, "\"providerMessageId\":\"" + id + "\"").get(0);
            assertEquals("chat:" + session, record.key());
            MessageReceived message = read(record, MessageReceived.class);
            assertEquals("chat", message.channel());
            assertEquals(session, message.thread().conversationId());
            assertEquals("bs", message.localeHint());
            signed(event("chat.abandoned", unique("e"), session, "")).then().statusCode(202);
            assertEquals(EventTypes.CONTACT_ABANDONED, TopicProbe.header(published(contacts, session).get(0), "ce_type"));
        }
        signed(event("chat.ended", unique("e"), session, "")).then().statusCode(200).body("status", equalTo("ignored"));
        signed(event("chat.message", unique("e"), session, ",\"text\":\"Agent here\",\"from\":\"agent\"")).then().statusCode(200)
                .body("items[0].reason", equalTo("agent-message"));
    }

    @Test
    void aRetriedEventIsADuplicate_C4() {
        String session = unique("s");
        String body = event("chat.requested", unique("e"), session, "");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.CONTACT)) {
            signed(body).then().statusCode(202).body("status", equalTo("accepted"));
            signed(body).then().statusCode(200).body("status", equalTo("duplicate"));
            assertEquals(1, published(probe, session).size());
        }
    }

    @Test
    void aReplayedOrBadlySignedEventIsRefusedWith401() {
        String session = unique("s");
        String body = event("chat.requested", unique("e"), session, "");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.CONTACT)) {
            signedAt(SECRET, Instant.now().minus(Duration.ofMinutes(6)), body).post("/webhooks/chat").then().statusCode(401)
                    .body("type", equalTo("https://support-suite.dev/problems/stale-timestamp"));
            signedAt("not-the-secret", Instant.now(), body).post("/webhooks/chat").then().statusCode(401)
                    .body("type", equalTo("https://support-suite.dev/problems/invalid-signature"));
            io.restassured.RestAssured.given().contentType("application/json").body(body).post("/webhooks/chat").then().statusCode(401);
            assertTrue(nothingPublished(probe, session));
        }
    }

    @Test
    void aMalformedEventIsRefusedNamingTheField() {
        signed(event("chat.exploded", unique("e"), unique("s"), "")).then().statusCode(422).body("errors.field", hasItem("event"));
        signed(event("chat.message", unique("e"), unique("s"), "")).then().statusCode(422).body("errors.field", hasItem("text"));
        signed("{\"event\":\"chat.requested\",\"id\":\"1\",\"at\":\"2026-03-02T09:15:00Z\",\"visitor\":{\"email\":\"nope\"}}").then()
                .statusCode(422).body("errors.field", hasItem("sessionId")).body("errors.field", hasItem("visitor.email"));
        signed("<xml/>").then().statusCode(400);
    }
}
