package io.supportsuite.gateway;

import static io.supportsuite.gateway.Fixtures.agentReply;
import static io.supportsuite.gateway.Fixtures.inboundEmail;
import static io.supportsuite.gateway.Fixtures.json;
import static io.supportsuite.gateway.Fixtures.postSigned;
import static io.supportsuite.gateway.Fixtures.receipts;
import static io.supportsuite.gateway.Fixtures.send;
import static io.supportsuite.gateway.Fixtures.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.devstack.testing.TopicProbe;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.delivery.DeliveryFailed;
import io.supportsuite.events.outbound.MessageSend;
import io.supportsuite.runtime.schema.SchemaMigrator;
import jakarta.inject.Inject;

/**
 * The gateway with its Kafka producer pointed at a port nobody listens on, and its SMTP server unreachable:
 * nothing may be half-accepted (C4), and every outbound command still ends in one outcome.
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(SmtpServerResource.class)
@TestProfile(UnreachableDependenciesTest.Unreachable.class)
class UnreachableDependenciesTest {

    public static class Unreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String closed = "127.0.0.1:" + closedPort();
            return Map.of(
                    "mp.messaging.outgoing.support-inbound.bootstrap.servers", closed,
                    "mp.messaging.outgoing.support-inbound.max.block.ms", "1000",
                    "gateway.webhook.retry-after", "PT45S",
                    // The SMTP server listens on 127.0.0.1 only: the same port on 127.0.0.2 refuses connections.
                    "quarkus.mailer.host", "127.0.0.2");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    SchemaMigrator migrator;

    @BeforeEach
    void schemaIsReady() {
        await().atMost(Duration.ofSeconds(60)).until(migrator::isMigrated);
    }

    @Test
    void withKafkaUnreachableAWebhookIsAnswered503WithRetryAfterAndNothingIsKept_C4() {
        String id = unique("kafka-down") + "@mail.example";
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            postSigned(json(inboundEmail(id))).then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "45")
                    .body("type", equalTo("https://support-suite.dev/problems/service-unavailable"));
            assertEquals(0, receipts(id), "the receipt was rolled back, so the provider's retry is not a duplicate");
            String needle = "\"providerMessageId\":\"" + id + "\"";
            assertTrue(probe.drain(Duration.ofSeconds(2)).stream().noneMatch(r -> r.value().contains(needle)));
        }
    }

    @Test
    void withKafkaUnreachableAChatRequestAndATelegramMessageAreAnswered503AndNothingIsKept_C4() {
        String session = unique("s");
        String chat = "{\"event\":\"chat.requested\",\"id\":\"" + session + "\",\"sessionId\":\"" + session
                + "\",\"at\":\"2026-03-02T09:15:00Z\",\"visitor\":{\"id\":\"v-1\"}}";
        Fixtures.signedAt("dev-chat-secret", java.time.Instant.now(), chat).post("/webhooks/chat").then()
                .statusCode(503)
                .header("Retry-After", "45");
        assertEquals(0, receipts(session), "no receipt: the widget's retry is new");

        long chatId = System.nanoTime();
        String update = "{\"update_id\":1,\"message\":{\"message_id\":1,\"chat\":{\"id\":" + chatId
                + ",\"type\":\"private\"},\"from\":{\"id\":" + chatId + ",\"first_name\":\"A\"},\"date\":1772442900,\"text\":\"hi\"}}";
        io.restassured.RestAssured.given().contentType("application/json").header("X-Telegram-Bot-Api-Secret-Token", "dev-telegram-secret")
                .body(update).post("/webhooks/telegram").then()
                .statusCode(503)
                .contentType("application/problem+json");
        assertEquals(0, receipts(chatId + ":1"));
    }

    @Test
    void withSmtpUnreachableACommandEndsInOneTransientDeliveryFailedAfterItsRetryBudget() throws Exception {
        String ticketId = UUID.randomUUID().toString();
        MessageSend reply = agentReply(ticketId, "reply:" + UUID.randomUUID(), "jane.doe@example.com");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.DELIVERY)) {
            send(probe, reply);
            var event = probe.await(r -> reply.idempotencyKey().equals(r.key()), Duration.ofSeconds(30));
            assertEquals(EventTypes.DELIVERY_FAILED, TopicProbe.header(event, "ce_type"));
            DeliveryFailed failed = Fixtures.JSON.readValue(event.value(), DeliveryFailed.class);
            assertFalse(failed.permanent(), "a refused connection may work later");
            assertEquals(3, failed.attempts(), "the test profile's retry budget");
            assertTrue(failed.reason().toLowerCase().contains("refused"), failed.reason());
            assertEquals(1, Fixtures.withKey(probe, reply.idempotencyKey(), Duration.ofSeconds(1)).size(), "exactly one outcome");
        }
        assertTrue(SmtpServerResource.received("<" + reply.replyTo().messageId() + ">").isEmpty());
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
