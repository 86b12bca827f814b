package io.supportsuite.gateway.generic;

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
import io.supportsuite.events.Topics;
import io.supportsuite.events.inbound.MessageReceived;
import io.supportsuite.gateway.SmtpServerResource;
import io.supportsuite.runtime.schema.SchemaMigrator;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(SmtpServerResource.class)
class GenericWebhookTest {

    private static final String SECRET = "dev-generic-secret";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    SchemaMigrator migrator;

    @BeforeEach
    void schemaIsReady() {
        await().atMost(Duration.ofSeconds(60)).until(migrator::isMigrated);
    }

    static String event(String id, String sender, String extra) {
        return """
                {"providerMessageId":"%s","sender":%s,"thread":{"conversationId":"crm-case-%s"},
                 "text":"Order 5521 arrived broken","localeHint":"en","receivedAt":"2026-03-02T09:15:00Z"%s}"""
                .formatted(id, sender, id, extra);
    }

    static Response signed(String body) {
        return signedAt(SECRET, Instant.now(), body).post("/webhooks/generic");
    }

    @Test
    void aNormalisedEventIsPublishedWithItsIdentityNormalised_C2() {
        String id = unique("crm");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            signed(event(id, "{\"kind\":\"phone\",\"value\":\"(415) 555-2671\",\"displayName\":\"Sam\"}", "")).then().statusCode(202);
            var record = published(probe, id).get(0);
            assertEquals("generic:crm-case-" + id, record.key());
            MessageReceived message = read(record, MessageReceived.class);
            assertEquals("generic", message.channel());
            assertEquals("+14155552671", message.sender().value(), "E.164 in the default region");
            assertEquals("Order 5521 arrived broken", message.text());
        }
    }

    @Test
    void aRatedEventAtTwoOrBelowIsNegative_R7() {
        String id = unique("crm");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            signed(event(id, "{\"kind\":\"email\",\"value\":\"Sam@Example.com\"}", ",\"rating\":2")).then().statusCode(202);
            MessageReceived message = read(published(probe, id).get(0), MessageReceived.class);
            assertTrue(message.negative());
            assertEquals("sam@example.com", message.sender().value());
        }
    }

    @Test
    void aResentEventIsADuplicate_C4() {
        String body = event(unique("crm"), "{\"kind\":\"anonymous\"}", "");
        signed(body).then().statusCode(202);
        signed(body).then().statusCode(200).body("status", equalTo("duplicate"));
    }

    @Test
    void aReplayedOrBadlySignedEventIsRefusedWith401() {
        String id = unique("crm");
        String body = event(id, "{\"kind\":\"anonymous\"}", "");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            signedAt(SECRET, Instant.now().minus(Duration.ofMinutes(6)), body).post("/webhooks/generic").then().statusCode(401);
            signedAt("wrong", Instant.now(), body).post("/webhooks/generic").then().statusCode(401);
            assertTrue(nothingPublished(probe, id));
        }
    }

    @Test
    void aMalformedEventIsRefusedNamingTheField() {
        signed(event(unique("crm"), "{\"kind\":\"email\",\"value\":\"x@y.z\"}", ",\"channel\":\"email\"")).then().statusCode(422)
                .body("errors.field", hasItem("channel"));
        signed("{\"sender\":{\"kind\":\"pigeon\"}}").then().statusCode(422)
                .body("errors.field", hasItem("providerMessageId")).body("errors.field", hasItem("sender.kind"))
                .body("errors.field", hasItem("text")).body("errors.field", hasItem("receivedAt"));
        signed(event(unique("crm"), "{\"kind\":\"phone\",\"value\":\"12\"}", "")).then().statusCode(422)
                .body("errors.field", hasItem("sender.value"));
        signed(event(unique("crm"), "{\"kind\":\"social\",\"value\":\"u1\"}", "")).then().statusCode(422)
                .body("errors.field", hasItem("sender.network"));
        signed(event(unique("crm"), "{\"kind\":\"anonymous\"}", ",\"rating\":9")).then().statusCode(422)
                .body("errors.field", hasItem("rating"));
    }
}
