package io.supportsuite.gateway.meta;

import static io.restassured.RestAssured.given;
import static io.supportsuite.gateway.Fixtures.nothingPublished;
import static io.supportsuite.gateway.Fixtures.published;
import static io.supportsuite.gateway.Fixtures.read;
import static io.supportsuite.gateway.Fixtures.receipts;
import static io.supportsuite.gateway.Fixtures.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.devstack.testing.TopicProbe;
import io.supportsuite.devstack.testing.WebhookSigning;
import io.supportsuite.events.Topics;
import io.supportsuite.events.inbound.MessageReceived;
import io.supportsuite.gateway.SmtpServerResource;
import io.supportsuite.runtime.schema.SchemaMigrator;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(SmtpServerResource.class)
class MetaWebhookTest {

    private static final String APP_SECRET = "dev-meta-app-secret";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    SchemaMigrator migrator;

    @BeforeEach
    void schemaIsReady() {
        await().atMost(Duration.ofSeconds(60)).until(migrator::isMigrated);
    }

    static String messenger(String object, String psid, String mid, String extra) {
        return """
                {"object":"%s","entry":[{"id":"1029384756","time":1772442900123,"messaging":[
                  {"sender":{"id":"%s"},"recipient":{"id":"1029384756"},"timestamp":1772442900000,
                   "message":{"mid":"%s","text":"Sifarişim haradadır?"%s}}]}]}""".formatted(object, psid, mid, extra);
    }

    static String whatsapp(String waId, String wamid) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":{
                  "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
                  "contacts":[{"profile":{"name":"Kerry Fisher"},"wa_id":"%s"}],
                  "messages":[{"from":"%s","id":"%s","timestamp":"1772442900","type":"text","text":{"body":"Πού είναι η παραγγελία μου;"},
                               "context":{"from":"15550783881","id":"wamid.previous"}}]}}]}]}""".formatted(waId, waId, wamid);
    }

    static Response post(String body, String signature) {
        var request = given().contentType("application/json").body(body);
        if (signature != null) {
            request.header(MetaWebhookResource.HEADER, signature);
        }
        return request.post("/webhooks/meta");
    }

    static Response signed(String body) {
        return post(body, WebhookSigning.signature(APP_SECRET, body));
    }

    @Test
    void theSubscriptionCheckEchoesTheChallengeOnlyForTheVerifyToken() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "dev-meta-verify-token")
                .queryParam("hub.challenge", "1158201444").get("/webhooks/meta").then()
                .statusCode(200).body(equalTo("1158201444"));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "guess")
                .queryParam("hub.challenge", "1158201444").get("/webhooks/meta").then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aMessengerMessageIsPublishedAsASocialIdentityThreadedByPageScopedId_C1() {
        String psid = unique("psid");
        String mid = unique("m");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            signed(messenger("page", psid, mid, ",\"reply_to\":{\"mid\":\"m_earlier\"}")).then().statusCode(200)
                    .body("status", equalTo("accepted"));
            var record = published(probe, "\"providerMessageId\":\"" + mid + "\"").get(0);
            assertEquals("facebook:" + psid, record.key());
            MessageReceived message = read(record, MessageReceived.class);
            assertEquals("facebook", message.channel());
            assertEquals("social", message.sender().kind());
            assertEquals("facebook", message.sender().network());
            assertEquals(psid, message.sender().value());
            assertEquals("m_earlier", message.thread().inReplyTo());
            assertEquals(psid, message.thread().conversationId());
            assertEquals(Instant.ofEpochMilli(1772442900000L), message.receivedAt());
        }
    }

    @Test
    void anInstagramMessageKeepsItsAttachmentAndAnEchoIsIgnored() {
        String igsid = unique("igsid");
        String mid = unique("ig");
        String body = messenger("instagram", igsid, mid,
                ",\"attachments\":[{\"type\":\"image\",\"payload\":{\"url\":\"https://lookaside.fbsbx.com/ig_messaging_cdn/1\"}}]");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            signed(body).then().statusCode(200);
            MessageReceived message = read(published(probe, "\"providerMessageId\":\"" + mid + "\"").get(0), MessageReceived.class);
            assertEquals("instagram", message.channel());
            assertEquals("https://lookaside.fbsbx.com/ig_messaging_cdn/1", message.attachments().get(0).url());
            String echo = messenger("instagram", igsid, unique("echo"), ",\"is_echo\":true");
            signed(echo).then().statusCode(200).body("status", equalTo("ignored")).body("items[0].reason", equalTo("echo"));
        }
    }

    @Test
    void aWhatsAppMessageIsAPhoneIdentityInE164AndStatusesAreIgnored_C2() {
        String wamid = "wamid." + unique("w");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            signed(whatsapp("306912345678", wamid)).then().statusCode(200).body("status", equalTo("accepted"));
            var record = published(probe, "\"providerMessageId\":\"" + wamid + "\"").get(0);
            assertEquals("whatsapp:+306912345678", record.key());
            MessageReceived message = read(record, MessageReceived.class);
            assertEquals("phone", message.sender().kind());
            assertEquals("+306912345678", message.sender().value());
            assertEquals("whatsapp", message.sender().network());
            assertEquals("Kerry Fisher", message.sender().displayName());
            assertEquals("wamid.previous", message.thread().inReplyTo());
            assertEquals("Πού είναι η παραγγελία μου;", message.text());
        }
        String statuses = """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
                  "messaging_product":"whatsapp","statuses":[{"id":"wamid.x","status":"delivered","timestamp":"1772442900","recipient_id":"306912345678"}]}}]}]}""";
        signed(statuses).then().statusCode(200).body("status", equalTo("ignored"));
    }

    @Test
    void aRetriedDeliveryIsADuplicateAndPublishesNothing_C4() {
        String mid = unique("retry");
        String body = messenger("page", unique("psid"), mid, "");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            String eventId = signed(body).then().statusCode(200).extract().path("items[0].eventId");
            signed(body).then().statusCode(200).body("status", equalTo("duplicate")).body("items[0].eventId", equalTo(eventId));
            assertEquals(1, published(probe, "\"providerMessageId\":\"" + mid + "\"").size());
        }
        assertEquals(1, receipts(mid));
    }

    @Test
    void aBadSignatureIsRefusedWith401AndNothingIsKept() {
        String mid = unique("forged");
        String body = messenger("page", unique("psid"), mid, "");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            for (String signature : List.of("sha256=00", WebhookSigning.signature("another-app", body))) {
                post(body, signature).then().statusCode(401).body("type", containsString("invalid-signature"));
            }
            post(body, null).then().statusCode(401);
            assertTrue(nothingPublished(probe, mid));
        }
        assertEquals(0, receipts(mid));
    }

    @Test
    void aMalformedEnvelopeIsRefusedNamingTheField() {
        signed("{\"object\":\"telegram\",\"entry\":[]}").then().statusCode(422).body("errors.field", hasItem("object"));
        signed("{\"object\":\"page\",\"entry\":[{\"messaging\":[{\"timestamp\":1,\"message\":{\"mid\":\"x\"}}]}]}").then()
                .statusCode(422).body("errors.field", hasItem("entry[0].messaging[0].sender"));
        signed("[1,2]").then().statusCode(400);
    }

    @Test
    void outcomesAreCountedUnderEachMessagesOwnChannel() {
        signed(whatsapp("306912345679", "wamid." + unique("m"))).then().statusCode(200);
        given().header("Accept", "text/plain").get("/q/metrics").then().statusCode(200)
                .body(containsString("support_webhooks_accepted_total{channel=\"whatsapp\""));
    }
}
