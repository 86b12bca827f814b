package io.supportsuite.gateway.delivery;

import static io.supportsuite.gateway.Fixtures.send;
import static io.supportsuite.gateway.Fixtures.unique;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

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

/** Messenger, Instagram, WhatsApp, SMS, X and chat replies through their send APIs (stubs on loopback speaking each API's format). */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(SmtpServerResource.class)
@QuarkusTestResource(ProviderStubResource.class)
class SendApiDeliveryTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    SchemaMigrator migrator;

    @BeforeEach
    void schemaIsReady() {
        await().atMost(Duration.ofSeconds(60)).until(migrator::isMigrated);
    }

    static MessageSend reply(String channel, Identity to, String text, ThreadRefs thread) {
        return new MessageSend("reply:" + UUID.randomUUID(), "agent_reply", UUID.randomUUID().toString(), "customer-1", channel, to, null,
                text, null, thread, "en", Instant.parse("2026-03-02T10:00:00Z"));
    }

    private ConsumerRecord<String, String> outcome(TopicProbe probe, MessageSend command) {
        send(probe, command);
        return probe.await(r -> command.idempotencyKey().equals(r.key()), Duration.ofSeconds(30));
    }

    @Test
    void aMessengerReplyGoesToTheSendApiAsAResponseToThePageScopedId() throws Exception {
        String psid = unique("psid");
        String text = "We are on it " + psid;
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.DELIVERY)) {
            var event = outcome(probe, reply("facebook", new Identity("social", psid, "facebook", null), text, null));
            assertEquals(EventTypes.DELIVERY_SUCCEEDED, TopicProbe.header(event, "ce_type"));
            assertTrue(Fixtures.JSON.readValue(event.value(), DeliverySucceeded.class).providerMessageId().startsWith("m_"));
        }
        List<ProviderStubResource.Received> sent = ProviderStubResource.received("/graph/me/messages", psid);
        assertEquals(1, sent.size());
        JsonNode body = Fixtures.JSON.readTree(sent.get(0).body());
        assertEquals(psid, body.path("recipient").path("id").asText());
        assertEquals("RESPONSE", body.path("messaging_type").asText());
        assertEquals(text, body.path("message").path("text").asText());
    }

    @Test
    void aWhatsAppReplyQuotesTheCustomersMessage() throws Exception {
        String text = "Η παραγγελία σας έφυγε " + unique("t");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.DELIVERY)) {
            var event = outcome(probe, reply("whatsapp", new Identity("phone", "+306912345678", "whatsapp", null), text,
                    new ThreadRefs(null, "wamid.customer1", List.of(), "+306912345678")));
            DeliverySucceeded succeeded = Fixtures.JSON.readValue(event.value(), DeliverySucceeded.class);
            assertTrue(succeeded.providerMessageId().startsWith("wamid."), succeeded.providerMessageId());
        }
        JsonNode body = Fixtures.JSON.readTree(ProviderStubResource.received("/messages", text).get(0).body());
        assertEquals("306912345678", body.path("to").asText());
        assertEquals("whatsapp", body.path("messaging_product").asText());
        assertEquals("wamid.customer1", body.path("context").path("message_id").asText(), "threaded (C3)");
    }

    @Test
    void aRecipientMetaDoesNotKnowIsAPermanentFailure() throws Exception {
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.DELIVERY)) {
            var event = outcome(probe, reply("instagram", new Identity("social", ProviderStubResource.UNKNOWN_PSID, "instagram", null),
                    "hello", null));
            DeliveryFailed failed = Fixtures.JSON.readValue(event.value(), DeliveryFailed.class);
            assertTrue(failed.permanent());
            assertEquals(1, failed.attempts());
            assertTrue(failed.reason().contains("No matching user found"), failed.reason());
        }
    }

    @Test
    void anSmsGoesOutInE164FromTheConfiguredNumber_C2() throws Exception {
        String text = "Your callback is at 15:00 " + unique("t");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.DELIVERY)) {
            var event = outcome(probe, reply("sms", new Identity("phone", "+374 91 234567", null, null), text, null));
            assertTrue(Fixtures.JSON.readValue(event.value(), DeliverySucceeded.class).providerMessageId().startsWith("SM"));
        }
        String body = ProviderStubResource.received("/Messages.json", "15%3A00").stream()
                .filter(r -> r.body().contains(text.substring(text.length() - 8))).findFirst().orElseThrow().body();
        assertTrue(body.contains("To=%2B37491234567"), body);
        assertTrue(body.contains("From=%2B37410555000"), body);
    }

    @Test
    void anSmsToAnInvalidNumberIsAPermanentFailure() throws Exception {
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.DELIVERY)) {
            var event = outcome(probe, reply("sms", new Identity("phone", ProviderStubResource.INVALID_SMS_TO, null, null), "hi", null));
            DeliveryFailed failed = Fixtures.JSON.readValue(event.value(), DeliveryFailed.class);
            assertTrue(failed.permanent());
            assertTrue(failed.reason().contains("not a valid phone number"), failed.reason());
        }
    }

    @Test
    void anXReplyIsADirectMessageToTheCustomer() throws Exception {
        String user = String.valueOf(System.nanoTime());
        String text = "Mēs to izlabosim " + unique("t");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.DELIVERY)) {
            var event = outcome(probe, reply("x", new Identity("social", user, "x", null), text, null));
            assertEquals(EventTypes.DELIVERY_SUCCEEDED, TopicProbe.header(event, "ce_type"));
        }
        var sent = ProviderStubResource.received("/2/dm_conversations/with/" + user + "/messages", "Mēs to izlabosim");
        assertEquals(1, sent.size());
        assertEquals(text, Fixtures.JSON.readTree(sent.get(0).body()).path("text").asText());
    }

    @Test
    void anXUserWhoDoesNotAcceptMessagesIsAPermanentFailure() throws Exception {
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.DELIVERY)) {
            var event = outcome(probe, reply("x", new Identity("social", ProviderStubResource.X_BLOCKED, "x", null), "hi", null));
            DeliveryFailed failed = Fixtures.JSON.readValue(event.value(), DeliveryFailed.class);
            assertTrue(failed.permanent());
            assertTrue(failed.reason().contains("not permitted"), failed.reason());
        }
    }

    @Test
    void aChatReplyGoesIntoItsSessionAndAnEndedSessionIsAPermanentFailure() throws Exception {
        String session = unique("s");
        MessageSend reply = reply("chat", new Identity("chat_visitor", "v-81", null, null), "Zdravo, tu sam",
                new ThreadRefs(null, null, List.of(), session));
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.DELIVERY)) {
            assertEquals(EventTypes.DELIVERY_SUCCEEDED, TopicProbe.header(outcome(probe, reply), "ce_type"));
            var event = outcome(probe, reply("chat", new Identity("chat_visitor", "v-81", null, null), "late",
                    new ThreadRefs(null, null, List.of(), ProviderStubResource.ENDED_SESSION)));
            assertTrue(Fixtures.JSON.readValue(event.value(), DeliveryFailed.class).permanent());
        }
        var sent = ProviderStubResource.received("/chat-api/sessions/" + session + "/messages", reply.idempotencyKey());
        assertEquals(1, sent.size(), "the idempotency key travels as the message id");
    }
}
