package io.supportsuite.gateway.twitter;

import static io.restassured.RestAssured.given;
import static io.supportsuite.gateway.Fixtures.base64;
import static io.supportsuite.gateway.Fixtures.hmac;
import static io.supportsuite.gateway.Fixtures.nothingPublished;
import static io.supportsuite.gateway.Fixtures.published;
import static io.supportsuite.gateway.Fixtures.read;
import static io.supportsuite.gateway.Fixtures.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

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
class XWebhookTest {

    private static final String CONSUMER_SECRET = "dev-x-consumer-secret";
    private static final String ACCOUNT = "4337869213";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    SchemaMigrator migrator;

    @BeforeEach
    void schemaIsReady() {
        await().atMost(Duration.ofSeconds(60)).until(migrator::isMigrated);
    }

    static String directMessage(String eventId, String senderId) {
        return """
                {"for_user_id":"%s","direct_message_events":[{"type":"message_create","id":"%s","created_timestamp":"1772442900557",
                  "message_create":{"target":{"recipient_id":"%s"},"sender_id":"%s",
                    "message_data":{"text":"Mana rēķinā ir kļūda","entities":{"hashtags":[],"symbols":[],"user_mentions":[],"urls":[]}}}}],
                 "users":{"%s":{"id":"%s","created_timestamp":"1422556069340","name":"Līga Bērziņa","screen_name":"liga_b","lang":"lv"}}}"""
                .formatted(ACCOUNT, eventId, ACCOUNT, senderId, senderId, senderId);
    }

    static String mention(String tweetId, String authorId) {
        return """
                {"for_user_id":"%s","tweet_create_events":[{"created_at":"Mon Mar 02 09:15:00 +0000 2026","id_str":"%s",
                  "text":"@SupportSuite my parcel never arrived","in_reply_to_status_id_str":"1899000000000000001","lang":"en",
                  "timestamp_ms":"1772442900000","user":{"id_str":"%s","name":"Jordan Brock","screen_name":"jordan_brock"}}]}"""
                .formatted(ACCOUNT, tweetId, authorId);
    }

    static Response post(String body, String signature) {
        var request = given().contentType("application/json").body(body);
        if (signature != null) {
            request.header(XWebhookResource.HEADER, signature);
        }
        return request.post("/webhooks/x");
    }

    static Response signed(String body) {
        return post(body, "sha256=" + base64(hmac("HmacSHA256", CONSUMER_SECRET, body)));
    }

    @Test
    void theCrcCheckIsAnsweredWithTheResponseToken() {
        given().queryParam("crc_token", "Y3JjX3Rva2Vu").get("/webhooks/x").then()
                .statusCode(200)
                .body("response_token", equalTo("sha256=" + base64(hmac("HmacSHA256", CONSUMER_SECRET, "Y3JjX3Rva2Vu"))));
        given().get("/webhooks/x").then().statusCode(422).body("errors.field", hasItem("crc_token"));
    }

    @Test
    void aDirectMessageIsPublishedThreadedBySenderWithTheirLanguage_C1_C3() {
        String id = unique("dm");
        String sender = unique("user");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            signed(directMessage(id, sender)).then().statusCode(200).body("status", equalTo("accepted"));
            var record = published(probe, "\"providerMessageId\":\"dm:" + id + "\"").get(0);
            assertEquals("x:dm:" + sender, record.key());
            MessageReceived message = read(record, MessageReceived.class);
            assertEquals("x", message.channel());
            assertEquals("social", message.sender().kind());
            assertEquals("x", message.sender().network());
            assertEquals(sender, message.sender().value());
            assertEquals("Līga Bērziņa", message.sender().displayName());
            assertEquals("lv", message.localeHint());
            assertEquals("Mana rēķinā ir kļūda", message.text());
        }
    }

    @Test
    void aMentionIsPublishedInItsReplyThreadAndTheAccountsOwnMessagesAreIgnored() {
        String tweet = unique("tweet");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            signed(mention(tweet, unique("author"))).then().statusCode(200);
            var record = published(probe, "\"providerMessageId\":\"tweet:" + tweet + "\"").get(0);
            assertEquals("x:tweet:1899000000000000001", record.key());
            assertEquals("1899000000000000001", read(record, MessageReceived.class).thread().inReplyTo());
        }
        signed(directMessage(unique("own"), ACCOUNT)).then().statusCode(200)
                .body("status", equalTo("ignored")).body("items[0].reason", equalTo("own-message"));
        signed("{\"for_user_id\":\"" + ACCOUNT + "\",\"favorite_events\":[{\"id\":\"1\"}]}").then().statusCode(200)
                .body("status", equalTo("ignored"));
    }

    @Test
    void aRetriedEventIsADuplicate_C4() {
        String id = unique("dm");
        String body = directMessage(id, unique("user"));
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            signed(body).then().statusCode(200).body("status", equalTo("accepted"));
            signed(body).then().statusCode(200).body("status", equalTo("duplicate"));
            assertEquals(1, published(probe, "\"providerMessageId\":\"dm:" + id + "\"").size());
        }
    }

    @Test
    void aBadSignatureIsRefusedWith401() {
        String id = unique("forged");
        String body = directMessage(id, unique("user"));
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            post(body, null).then().statusCode(401);
            post(body, "sha256=" + base64(hmac("HmacSHA256", "wrong", body))).then().statusCode(401);
            assertTrue(nothingPublished(probe, id));
        }
    }

    @Test
    void aMalformedEventIsRefusedNamingTheField() {
        signed("{\"direct_message_events\":[]}").then().statusCode(422).body("errors.field", hasItem("for_user_id"));
        signed("{\"for_user_id\":\"1\",\"direct_message_events\":[{\"type\":\"message_create\",\"id\":\"9\","
                + "\"created_timestamp\":\"1772442900557\",\"message_create\":{\"message_data\":{\"text\":\"x\"}}}]}").then()
                .statusCode(422).body("errors.field", hasItem("direct_message_events[0].message_create.sender_id"));
        signed("nope").then().statusCode(400);
    }
}
