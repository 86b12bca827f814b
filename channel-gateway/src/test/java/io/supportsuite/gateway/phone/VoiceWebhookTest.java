package io.supportsuite.gateway.phone;

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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.devstack.testing.TopicProbe;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.contact.ContactAbandoned;
import io.supportsuite.events.contact.ContactAnswered;
import io.supportsuite.events.contact.ContactOffered;
import io.supportsuite.events.inbound.MessageReceived;
import io.supportsuite.gateway.SmtpServerResource;
import io.supportsuite.runtime.schema.SchemaMigrator;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(SmtpServerResource.class)
class VoiceWebhookTest {

    private static final String AUTH_TOKEN = "dev-voice-auth-token";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    SchemaMigrator migrator;

    @BeforeEach
    void schemaIsReady() {
        await().atMost(Duration.ofSeconds(60)).until(migrator::isMigrated);
    }

    /** A status callback as the provider sends it, stamped {@code at}. */
    static Map<String, String> callback(String callSid, String status, Instant at) {
        Map<String, String> params = new TreeMap<>();
        params.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
        params.put("ApiVersion", "2010-04-01");
        params.put("CallSid", callSid);
        params.put("CallStatus", status);
        params.put("Direction", "inbound");
        params.put("From", "+37491234567");
        params.put("To", "+37410555000");
        params.put("CallbackSource", "call-progress-events");
        params.put("SequenceNumber", "0");
        params.put("Timestamp", DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC)));
        return params;
    }

    /** The provider's signature, computed independently: base64 HMAC-SHA1(token, URL + sorted name+value). */
    static String twilioSignature(String token, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        return base64(hmac("HmacSHA1", token, data.toString()));
    }

    static Response post(Map<String, String> params, String signature) {
        String body = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = given().contentType("application/x-www-form-urlencoded").body(body);
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return request.post("/webhooks/voice");
    }

    static Response signed(Map<String, String> params) {
        return post(params, twilioSignature(AUTH_TOKEN, "http://localhost:" + RestAssured.port + "/webhooks/voice", params));
    }

    static String callSid() {
        return "CA" + unique("").replace("-", "").substring(0, 32);
    }

    @Test
    void ringingOffersTheContactAndInProgressAnswersIt_R2() {
        String sid = callSid();
        Instant now = Instant.now();
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.CONTACT)) {
            signed(callback(sid, "ringing", now)).then().statusCode(200).body("status", equalTo("accepted"))
                    .body("items[0].key", equalTo("voice:" + sid));
            Map<String, String> answered = callback(sid, "in-progress", now.plusSeconds(9));
            answered.put("AgentId", "agent-7");
            signed(answered).then().statusCode(200);

            await().atMost(Duration.ofSeconds(10)).until(() -> published(probe, sid).size() == 2);
            var records = published(probe, sid);
            var offered = records.stream().filter(r -> EventTypes.CONTACT_OFFERED.equals(TopicProbe.header(r, "ce_type"))).findFirst()
                    .orElseThrow();
            assertEquals("voice:" + sid, offered.key());
            ContactOffered offer = read(offered, ContactOffered.class);
            assertEquals("voice", offer.channel());
            assertEquals("+37491234567", offer.customer().value(), "E.164 (C2)");
            assertEquals("phone", offer.customer().kind());
            assertEquals(now.getEpochSecond(), offer.offeredAt().getEpochSecond());
            ContactAnswered answer = read(records.stream()
                    .filter(r -> EventTypes.CONTACT_ANSWERED.equals(TopicProbe.header(r, "ce_type"))).findFirst().orElseThrow(),
                    ContactAnswered.class);
            assertEquals("agent-7", answer.agentId());
        }
    }

    @Test
    void anUnansweredCallWithAVoicemailAbandonsTheContactAndLeavesAMessage() {
        String sid = callSid();
        Map<String, String> params = callback(sid, "no-answer", Instant.now());
        params.put("RecordingUrl", "https://api.voice.example/Recordings/RE1");
        params.put("RecordingSid", "RE" + sid.substring(2));
        params.put("RecordingDuration", "14");
        params.put("TranscriptionText", "Please call me back about order 77");
        try (TopicProbe contacts = new TopicProbe(bootstrap, Topics.CONTACT); TopicProbe inbound = new TopicProbe(bootstrap, Topics.INBOUND)) {
            signed(params).then().statusCode(200).body("items.size()", equalTo(2));
            var abandoned = published(contacts, sid).get(0);
            assertEquals(EventTypes.CONTACT_ABANDONED, TopicProbe.header(abandoned, "ce_type"));
            assertEquals("+37491234567", read(abandoned, ContactAbandoned.class).customer().value());
            MessageReceived voicemail = read(published(inbound, sid + ":voicemail").get(0), MessageReceived.class);
            assertEquals("voice", voicemail.channel());
            assertEquals("Please call me back about order 77", voicemail.text());
            assertEquals("https://api.voice.example/Recordings/RE1", voicemail.attachments().get(0).url());
            assertEquals(sid, voicemail.thread().conversationId());
        }
    }

    @Test
    void aCallbackRequestIsPublished_R3() {
        String sid = callSid();
        Map<String, String> params = callback(sid, "completed", Instant.now());
        params.put("CallbackRequested", "true");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.CONTACT)) {
            signed(params).then().statusCode(200);
            assertEquals(EventTypes.CALLBACK_REQUESTED, TopicProbe.header(published(probe, sid).get(0), "ce_type"));
        }
        signed(callback(callSid(), "completed", Instant.now())).then().statusCode(200).body("status", equalTo("ignored"));
    }

    @Test
    void aRetriedCallbackIsADuplicate_C4() {
        String sid = callSid();
        Map<String, String> params = callback(sid, "ringing", Instant.now());
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.CONTACT)) {
            signed(params).then().statusCode(200).body("status", equalTo("accepted"));
            signed(params).then().statusCode(200).body("status", equalTo("duplicate"));
            assertEquals(1, published(probe, sid).size());
        }
    }

    @Test
    void aReplayedCallbackOlderThanFiveMinutesIsRefusedWith401() {
        String sid = callSid();
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.CONTACT)) {
            signed(callback(sid, "ringing", Instant.now().minus(Duration.ofMinutes(6)))).then()
                    .statusCode(401).body("type", equalTo("https://support-suite.dev/problems/stale-timestamp"));
            assertTrue(nothingPublished(probe, sid));
        }
    }

    @Test
    void aBadSignatureIsRefusedWith401() {
        String sid = callSid();
        Map<String, String> params = callback(sid, "ringing", Instant.now());
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.CONTACT)) {
            post(params, null).then().statusCode(401);
            post(params, twilioSignature(AUTH_TOKEN, "http://elsewhere.example/webhooks/voice", params)).then().statusCode(401);
            assertTrue(nothingPublished(probe, sid));
        }
    }

    @Test
    void aMalformedCallbackIsRefusedNamingTheField() {
        Map<String, String> noSid = callback("x", "ringing", Instant.now());
        noSid.remove("CallSid");
        signed(noSid).then().statusCode(422).body("errors.field", hasItem("CallSid"));
        signed(callback(callSid(), "exploded", Instant.now())).then().statusCode(422).body("errors.field", hasItem("CallStatus"));
        Map<String, String> badFrom = callback(callSid(), "ringing", Instant.now());
        badFrom.put("From", "12");
        signed(badFrom).then().statusCode(422).body("errors.field", hasItem("From"));
        Map<String, String> withheld = callback(callSid(), "ringing", Instant.now());
        withheld.put("From", "anonymous");
        signed(withheld).then().statusCode(200).body("status", equalTo("accepted"));
    }
}
