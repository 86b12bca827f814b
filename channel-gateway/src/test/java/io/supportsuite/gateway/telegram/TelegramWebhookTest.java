package io.supportsuite.gateway.telegram;

import static io.restassured.RestAssured.given;
import static io.supportsuite.gateway.Fixtures.nothingPublished;
import static io.supportsuite.gateway.Fixtures.published;
import static io.supportsuite.gateway.Fixtures.read;
import static io.supportsuite.gateway.Fixtures.receipts;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

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
class TelegramWebhookTest {

    private static final String SECRET = "dev-telegram-secret";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    SchemaMigrator migrator;

    @BeforeEach
    void schemaIsReady() {
        await().atMost(Duration.ofSeconds(60)).until(migrator::isMigrated);
    }

    /** A Bot API Update as Telegram posts it for a private chat. */
    static String update(long updateId, long chatId, long messageId, String kind, String extra) {
        return """
                {"update_id":%d,"%s":{"message_id":%d,
                 "from":{"id":%d,"is_bot":false,"first_name":"Anahit","last_name":"Sargsyan","username":"anahit_s","language_code":"hy"},
                 "chat":{"id":%d,"first_name":"Anahit","last_name":"Sargsyan","username":"anahit_s","type":"private"},
                 "date":1772442900%s,"text":"Բարև, պատվերս չի հասել"}}""".formatted(updateId, kind, messageId, chatId, chatId, extra);
    }

    static Response post(String body, String token) {
        var request = given().contentType("application/json").body(body);
        if (token != null) {
            request.header(TelegramWebhookResource.HEADER, token);
        }
        return request.post("/webhooks/telegram");
    }

    static long someId() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L);
    }

    @Test
    void aMessageWithTheSecretTokenIsPublishedThreadedByChatWithTheSendersLocale_C1_C3() {
        long chat = someId();
        String body = update(someId(), chat, 41, "message", ",\"reply_to_message\":{\"message_id\":40,\"date\":1772442800}");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            post(body, SECRET).then().statusCode(200)
                    .body("status", equalTo("accepted"))
                    .body("items[0].key", equalTo("telegram:" + chat));
            var record = published(probe, "\"providerMessageId\":\"" + chat + ":41\"").get(0);
            assertEquals("telegram:" + chat, record.key());
            MessageReceived message = read(record, MessageReceived.class);
            assertEquals("telegram", message.channel());
            assertEquals("social", message.sender().kind());
            assertEquals("telegram", message.sender().network());
            assertEquals(String.valueOf(chat), message.sender().value());
            assertEquals("Anahit Sargsyan", message.sender().displayName());
            assertEquals("hy", message.localeHint());
            assertEquals(String.valueOf(chat), message.thread().conversationId());
            assertEquals(chat + ":40", message.thread().inReplyTo());
            assertEquals("Բարև, պատվերս չի հասել", message.text());
            assertEquals(Instant.ofEpochSecond(1772442900L), message.receivedAt());
        }
    }

    @Test
    void aRetriedUpdateIsAnsweredDuplicateAndAnEditIsANewMessage_C4() {
        long chat = someId();
        String body = update(someId(), chat, 7, "message", "");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            String eventId = post(body, SECRET).then().statusCode(200).extract().path("items[0].eventId");
            post(body, SECRET).then().statusCode(200)
                    .body("status", equalTo("duplicate"))
                    .body("items[0].eventId", equalTo(eventId));
            post(update(someId(), chat, 7, "edited_message", ",\"edit_date\":1772443000"), SECRET).then().statusCode(200)
                    .body("status", equalTo("accepted"));
            assertEquals(1, published(probe, "\"providerMessageId\":\"" + chat + ":7\"").size(), "the retry published nothing");
            assertEquals(1, published(probe, "\"providerMessageId\":\"" + chat + ":7:edit:1772443000\"").size());
        }
        assertEquals(1, receipts(chat + ":7"));
    }

    @Test
    void aMissingOrWrongSecretTokenIsRefusedWith401AndNothingIsKept() {
        long chat = someId();
        String body = update(someId(), chat, 1, "message", "");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            post(body, null).then().statusCode(401).contentType("application/problem+json")
                    .body("type", equalTo("https://support-suite.dev/problems/invalid-signature"));
            post(body, "not-the-token").then().statusCode(401);
            assertTrue(nothingPublished(probe, "\"providerMessageId\":\"" + chat + ":1\""));
        }
        assertEquals(0, receipts(chat + ":1"));
    }

    @Test
    void aMalformedUpdateIsRefusedNamingTheFieldAndOtherUpdateKindsAreIgnored() {
        post("{not json", SECRET).then().statusCode(400).contentType("application/problem+json");
        post("{\"update_id\":5,\"message\":{\"message_id\":3,\"date\":1772442900,\"text\":\"hi\"}}", SECRET).then()
                .statusCode(422)
                .body("errors.field", hasItem("message.chat"));
        post("{\"message\":{\"message_id\":3,\"chat\":{\"id\":1},\"date\":\"soon\",\"text\":\"hi\"}}", SECRET).then()
                .statusCode(422)
                .body("errors.field", hasItem("update_id"))
                .body("errors.field", hasItem("message.date"));
        post("{\"update_id\":6,\"callback_query\":{\"id\":\"1\",\"data\":\"x\"}}", SECRET).then()
                .statusCode(200)
                .body("status", equalTo("ignored"))
                .body("items[0].reason", equalTo("unsupported-update"));
    }

    @Test
    void anOversizedUpdateIsRefusedWith413EvenUnsigned() {
        String body = update(someId(), someId(), 1, "message", ",\"caption\":\"" + "x".repeat(1024 * 1024) + "\"");
        post(body, null).then().statusCode(413).body("type", equalTo("https://support-suite.dev/problems/payload-too-large"));
    }

    @Test
    void aWebhookForAChannelNobodyServesIs404() {
        given().contentType("application/json").body("{}").post("/webhooks/myspace").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://support-suite.dev/problems/unknown-channel"));
    }
}
