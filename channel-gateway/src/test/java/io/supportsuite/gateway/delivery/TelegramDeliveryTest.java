package io.supportsuite.gateway.delivery;

import static io.supportsuite.gateway.Fixtures.send;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.devstack.testing.TopicProbe;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.common.Identity;
import io.supportsuite.events.common.ThreadRefs;
import io.supportsuite.events.delivery.DeliveryFailed;
import io.supportsuite.events.delivery.DeliverySucceeded;
import io.supportsuite.events.outbound.MessageSend;
import io.supportsuite.gateway.Fixtures;
import io.supportsuite.gateway.ProviderStubResource;
import io.supportsuite.gateway.SmtpServerResource;
import io.supportsuite.runtime.schema.SchemaMigrator;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(SmtpServerResource.class)
@QuarkusTestResource(ProviderStubResource.class)
class TelegramDeliveryTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    SchemaMigrator migrator;

    @BeforeEach
    void schemaIsReady() {
        await().atMost(Duration.ofSeconds(60)).until(migrator::isMigrated);
    }

    static MessageSend reply(long chatId) {
        return new MessageSend("reply:" + UUID.randomUUID(), "agent_reply", UUID.randomUUID().toString(), "customer-1", "telegram",
                new Identity("social", String.valueOf(chatId), "telegram", "Anahit"), null, "Ձեր պատվերը ճանապարհին է", null,
                new ThreadRefs(null, chatId + ":41", List.of(), String.valueOf(chatId)), "hy", Instant.parse("2026-03-02T10:00:00Z"));
    }

    static long someChat() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L);
    }

    @Test
    void anAgentReplyIsSentWithSendMessageAsAReplyAndReportedSucceededOnce() throws Exception {
        long chat = someChat();
        MessageSend reply = reply(chat);
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.DELIVERY)) {
            send(probe, reply);
            var event = probe.await(r -> reply.idempotencyKey().equals(r.key()), Duration.ofSeconds(30));
            assertEquals(EventTypes.DELIVERY_SUCCEEDED, TopicProbe.header(event, "ce_type"));
            DeliverySucceeded succeeded = Fixtures.JSON.readValue(event.value(), DeliverySucceeded.class);
            assertTrue(succeeded.providerMessageId().startsWith(chat + ":"), succeeded.providerMessageId());
            send(probe, reply);
            assertEquals(1, Fixtures.withKey(probe, reply.idempotencyKey(), Duration.ofSeconds(2)).size(), "one outcome");
        }
        var requests = ProviderStubResource.telegramRequests(chat);
        assertEquals(1, requests.size(), "the redelivered command sent nothing");
        assertEquals("Ձեր պատվերը ճանապարհին է", requests.get(0).path("text").asText());
        assertEquals(41, requests.get(0).path("reply_parameters").path("message_id").asLong(), "threaded (C3)");
    }

    @Test
    void chatNotFoundIsAPermanentFailureAfterOneAttempt() throws Exception {
        MessageSend reply = reply(ProviderStubResource.CHAT_NOT_FOUND);
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.DELIVERY)) {
            send(probe, reply);
            var event = probe.await(r -> reply.idempotencyKey().equals(r.key()), Duration.ofSeconds(30));
            DeliveryFailed failed = Fixtures.JSON.readValue(event.value(), DeliveryFailed.class);
            assertTrue(failed.permanent());
            assertEquals(1, failed.attempts());
            assertTrue(failed.reason().contains("chat not found"), failed.reason());
        }
    }

    @Test
    void aRateLimitedSendIsRetriedAndSucceeds() throws Exception {
        MessageSend reply = reply(ProviderStubResource.RATE_LIMITED);
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.DELIVERY)) {
            send(probe, reply);
            var event = probe.await(r -> reply.idempotencyKey().equals(r.key()), Duration.ofSeconds(30));
            assertEquals(EventTypes.DELIVERY_SUCCEEDED, TopicProbe.header(event, "ce_type"));
            DeliverySucceeded succeeded = Fixtures.JSON.readValue(event.value(), DeliverySucceeded.class);
            assertEquals(2, succeeded.attempts());
            assertFalse(succeeded.providerMessageId().isBlank());
        }
    }
}
