package io.supportsuite.gateway.email;

import static io.restassured.RestAssured.given;
import static io.supportsuite.gateway.Fixtures.inboundEmail;
import static io.supportsuite.gateway.Fixtures.json;
import static io.supportsuite.gateway.Fixtures.post;
import static io.supportsuite.gateway.Fixtures.postSigned;
import static io.supportsuite.gateway.Fixtures.receipts;
import static io.supportsuite.gateway.Fixtures.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.devstack.testing.TopicProbe;
import io.supportsuite.devstack.testing.WebhookSigning;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.inbound.MessageReceived;
import io.supportsuite.gateway.Fixtures;
import io.supportsuite.gateway.SmtpServerResource;
import io.supportsuite.runtime.schema.SchemaMigrator;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(SmtpServerResource.class)
class EmailWebhookTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEMS = "https://support-suite.dev/problems/";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    SchemaMigrator migrator;

    @Inject
    SenderRateLimit rateLimit;

    @BeforeEach
    void schemaIsReady() {
        await().atMost(Duration.ofSeconds(60)).until(migrator::isMigrated);
    }

    @Test
    void signedEmailIsAcceptedOnceKafkaAcknowledgedAndPublishedAsMessageReceived() throws Exception {
        String id = unique("first") + "@mail.example";
        Map<String, Object> email = inboundEmail(id);
        email.put("in-reply-to", "<parent@mail.example>");
        email.put("references", "<root@mail.example> <parent@mail.example>");

        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            String eventId = postSigned(json(email)).then()
                    .statusCode(202)
                    .body("status", equalTo("accepted"))
                    .body("conversationKey", equalTo("email:root@mail.example"))
                    .extract().path("eventId");

            ConsumerRecord<String, String> record = probe.await(r -> eventId.equals(TopicProbe.header(r, "ce_id")),
                    Duration.ofSeconds(10));
            assertEquals("email:root@mail.example", record.key(), "key = email:<thread root>");
            assertEquals(EventTypes.MESSAGE_RECEIVED, TopicProbe.header(record, "ce_type"));
            assertEquals("1.0", TopicProbe.header(record, "ce_specversion"));
            assertEquals("/channel-gateway", TopicProbe.header(record, "ce_source"));

            MessageReceived message = Fixtures.JSON.readValue(record.value(), MessageReceived.class);
            assertEquals("email", message.channel());
            assertEquals(id, message.providerMessageId(), "angle brackets stripped");
            assertEquals("email", message.sender().kind());
            assertEquals("jane.doe@example.com", message.sender().value(), "address lower-cased (C2)");
            assertEquals("Jane Doe", message.sender().displayName());
            assertEquals(id, message.thread().messageId());
            assertEquals("parent@mail.example", message.thread().inReplyTo());
            assertEquals(List.of("root@mail.example", "parent@mail.example"), message.thread().references());
            assertNull(message.thread().conversationId());
            assertEquals(List.of("support@support-suite.local"), message.recipients());
            assertEquals("Printer on fire " + id, message.subject());
            assertEquals("It is burning.", message.text());
            assertEquals("<p>It is burning.</p>", message.html());
            assertEquals(Instant.parse("2026-03-02T09:15:00Z"), message.receivedAt());

            assertEquals(1, published(probe, id).size(), "exactly one event");
        }
        assertEquals(1, receipts(id));
    }

    @Test
    void referencesMayBeAnArrayAndABareSenderHasNoDisplayName() throws Exception {
        String id = unique("array") + "@mail.example";
        Map<String, Object> email = inboundEmail(id);
        email.put("from", "Bob@Example.ORG");
        email.put("references", List.of("<root-" + id + ">", "parent@mail.example"));
        email.remove("text");

        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            postSigned(json(email)).then().statusCode(202).body("conversationKey", equalTo("email:root-" + id));
            MessageReceived message = Fixtures.JSON.readValue(published(probe, id).get(0).value(), MessageReceived.class);
            assertEquals("bob@example.org", message.sender().value());
            assertNull(message.sender().displayName());
            assertEquals(List.of("root-" + id, "parent@mail.example"), message.thread().references());
            assertNull(message.text());
        }
    }

    @Test
    void aRetriedMessageIsAnsweredDuplicateWithTheOriginalEventIdAndPublishedOnce_C4() {
        String id = unique("retried") + "@mail.example";
        String body = json(inboundEmail(id));
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            String eventId = postSigned(body).then().statusCode(202).extract().path("eventId");
            postSigned(body).then()
                    .statusCode(200)
                    .body("status", equalTo("duplicate"))
                    .body("eventId", equalTo(eventId));
            // The provider may resend with other bytes (another received-at): the Message-ID decides.
            Map<String, Object> resent = inboundEmail(id);
            resent.put("received-at", "2026-03-02T09:20:00Z");
            postSigned(json(resent)).then().statusCode(200).body("eventId", equalTo(eventId));

            assertEquals(1, published(probe, id).size());
        }
        assertEquals(1, receipts(id));
    }

    @Test
    void autoRepliesBouncesBulkAndOwnMailAreAnsweredIgnoredAndNeverPublished() {
        record Loop(String from, Map<String, Object> headers, String reason) {
        }
        List<Loop> loops = List.of(
                new Loop("jane@example.com", Map.of("Auto-Submitted", "auto-replied"), "auto-submitted"),
                new Loop("jane@example.com", Map.of("x-autoreply", "yes"), "auto-reply"),
                new Loop("jane@example.com", Map.of("Precedence", List.of("bulk")), "precedence-bulk"),
                new Loop("MAILER-DAEMON@mx.example.com", Map.of(), "bounce"),
                new Loop("jane@example.com", Map.of("Return-Path", "<>"), "bounce"),
                new Loop("jane@example.com", Map.of("Content-Type", "multipart/report; report-type=delivery-status"), "bounce"),
                new Loop("Support <support@support-suite.local>", Map.of(), "own-address"),
                new Loop("robot@support-suite.local", Map.of(), "own-address"));
        String run = unique("loop");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            List<String> ids = new ArrayList<>();
            for (Loop loop : loops) {
                String id = run + "-" + ids.size() + "@mail.example";
                ids.add(id);
                Map<String, Object> email = inboundEmail(id);
                email.put("from", loop.from());
                email.put("headers", loop.headers());
                postSigned(json(email)).then().statusCode(200)
                        .body("status", equalTo("ignored"))
                        .body("reason", equalTo(loop.reason()));
            }
            for (String id : ids) {
                assertNothingAccepted(probe, id);
            }
        }
        // A person's mail that says it is not automatic is a customer's message.
        Map<String, Object> human = inboundEmail(unique("human") + "@mail.example");
        human.put("headers", Map.of("Auto-Submitted", "no", "X-Mailer", "Thunderbird"));
        postSigned(json(human)).then().statusCode(202).body("status", equalTo("accepted"));
    }

    @Test
    void theLoopLimitRemembersABoundedNumberOfSendersAndKeepsCountingTheOneThatWritesOften() {
        // C4: 60,000 different senders in one window (a big launch day) must not grow the gateway's memory
        // without bound; a loop writing all the while is still cut off.
        Instant now = Instant.now();
        String loop = unique("loop") + "@example.com";
        int allowed = 0;
        for (int i = 0; i < 60_000; i++) {
            rateLimit.allow(unique("once") + "@example.com", "m" + i, now);
            if (i % 1_000 == 0 && rateLimit.allow(loop, "loop-" + i, now)) {
                allowed++;
            }
        }
        assertTrue(rateLimit.sendersTracked() <= 50_000, rateLimit.sendersTracked() + " senders tracked");
        assertEquals(20, allowed);
        assertFalse(rateLimit.allow(loop, "loop-again", now));
        assertTrue(rateLimit.allow(loop, "loop-again", now.plus(Duration.ofMinutes(11))), "a new window counts afresh");
    }

    @Test
    void aSenderOverItsRateLimitIsCutOffButARetryOfACountedMessageIsNot() {
        String sender = unique("loopy") + "@example.com";
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Map<String, Object> email = inboundEmail(unique("rate") + "@mail.example");
            email.put("from", sender);
            bodies.add(json(email));
            postSigned(bodies.get(i)).then().statusCode(202);
        }
        Map<String, Object> oneTooMany = inboundEmail(unique("rate") + "@mail.example");
        oneTooMany.put("from", sender);
        postSigned(json(oneTooMany)).then().statusCode(200).body("status", equalTo("ignored"))
                .body("reason", equalTo("sender-rate-limit"));
        postSigned(bodies.get(3)).then().statusCode(200).body("status", equalTo("duplicate"));
    }

    @Test
    void headersThatAreNotNamesToStringsAreRefusedWith422() {
        Map<String, Object> email = inboundEmail(unique("headers") + "@mail.example");
        email.put("headers", Map.of("Auto-Submitted", 7));
        refused(email, "headers");
        email.put("headers", List.of("Auto-Submitted: auto-replied"));
        refused(email, "headers");
    }

    @Test
    void tenConcurrentPostsOfOneMessageBecomeOneEvent_C4() throws Exception {
        String id = unique("concurrent") + "@mail.example";
        String body = json(inboundEmail(id));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Response> responses = new ArrayList<>();
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            List<Callable<Response>> posts = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                posts.add(() -> postSigned(body));
            }
            for (Future<Response> f : pool.invokeAll(posts)) {
                responses.add(f.get());
            }
            assertEquals(1, responses.stream().filter(r -> r.statusCode() == 202).count(), "one accepted");
            assertEquals(9, responses.stream().filter(r -> r.statusCode() == 200).count(), "nine duplicates");
            assertEquals(1, responses.stream().map(r -> r.jsonPath().getString("eventId")).distinct().count(),
                    "all name the same event");
            assertEquals(1, published(probe, id).size());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, receipts(id));
    }

    @Test
    void aClaimLeftByACrashedInstanceIsTakenOverUnderItsEventId_C4() {
        String id = unique("orphan") + "@mail.example";
        String eventId = UUID.nameUUIDFromBytes(("email:" + id).getBytes(StandardCharsets.UTF_8)).toString();
        // An instance claimed the message ten minutes ago and died before Kafka acknowledged it.
        Fixtures.execute("INSERT INTO webhook_receipt (channel, provider_message_id, event_id, conversation_key, received_at, "
                + "claimed_at) VALUES ('email', '" + id + "', '" + eventId + "', 'email:" + id + "', now(), now() - interval '10 minutes')");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            postSigned(json(inboundEmail(id))).then().statusCode(202).body("eventId", equalTo(eventId));
            postSigned(json(inboundEmail(id))).then().statusCode(200).body("status", equalTo("duplicate"));
            assertEquals(1, published(probe, id).size());
        }
        assertEquals(1, Fixtures.count("SELECT count(*) FROM webhook_receipt WHERE provider_message_id = '" + id
                + "' AND accepted_at IS NOT NULL"));
    }

    @Test
    void aMessageBeingAcceptedByAnotherInstanceIsAnsweredRetryLater_C4() {
        String id = unique("elsewhere") + "@mail.example";
        String eventId = UUID.nameUUIDFromBytes(("email:" + id).getBytes(StandardCharsets.UTF_8)).toString();
        Fixtures.execute("INSERT INTO webhook_receipt (channel, provider_message_id, event_id, conversation_key, received_at, "
                + "claimed_at) VALUES ('email', '" + id + "', '" + eventId + "', 'email:" + id + "', now(), now())");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            postSigned(json(inboundEmail(id))).then()
                    .statusCode(503)
                    .contentType(PROBLEM)
                    .header("Retry-After", notNullValue());
            String needle = "\"providerMessageId\":\"" + id + "\"";
            assertTrue(probe.drain(Duration.ofSeconds(1)).stream().noneMatch(r -> r.value().contains(needle)),
                    "not published a second time while the other instance publishes it");
        }
    }

    @Test
    void missingOrWrongSignatureIsRefusedWith401AndChangesNothing() {
        String id = unique("unsigned") + "@mail.example";
        byte[] body = json(inboundEmail(id)).getBytes(StandardCharsets.UTF_8);
        byte[] other = json(inboundEmail(unique("other"))).getBytes(StandardCharsets.UTF_8);

        List<String> signatures = new ArrayList<>();
        signatures.add(null);
        signatures.add(WebhookSigning.signature("not-the-secret", body));
        signatures.add(WebhookSigning.signature(WebhookSigning.DEFAULT_EMAIL_SECRET, other));
        signatures.add("sha256=not-hex");
        signatures.add(WebhookSigning.signature(WebhookSigning.DEFAULT_EMAIL_SECRET, body).replace("sha256=", "sha1="));
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            for (String signature : signatures) {
                post(body, signature).then()
                        .statusCode(401)
                        .contentType(PROBLEM)
                        .body("type", equalTo(PROBLEMS + "invalid-signature"))
                        .body("status", equalTo(401));
            }
            assertNothingAccepted(probe, id);
        }
    }

    @Test
    void aSignedBodyThatIsNotJsonIsRefusedWith400() {
        for (String body : List.of("not json", "[\"an\", \"array\"]", "")) {
            postSigned(body).then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("type", equalTo(PROBLEMS + "malformed-request"));
        }
    }

    @Test
    void missingFromBadReceivedAtAndMissingMessageIdAreRefusedWith422NamingTheField() {
        long before = Fixtures.count("SELECT count(*) FROM webhook_receipt");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            List<String> ids = new ArrayList<>();
            String id = unique("no-from") + "@mail.example";
            ids.add(id);
            Map<String, Object> noFrom = inboundEmail(id);
            noFrom.remove("from");
            refused(noFrom, "from");

            id = unique("bad-from") + "@mail.example";
            ids.add(id);
            Map<String, Object> badFrom = inboundEmail(id);
            badFrom.put("from", "Jane Doe <not an address>");
            refused(badFrom, "from");

            id = unique("bad-received-at") + "@mail.example";
            ids.add(id);
            Map<String, Object> badTime = inboundEmail(id);
            badTime.put("received-at", "yesterday at noon");
            refused(badTime, "received-at");

            Map<String, Object> noMessageId = inboundEmail("ignored@mail.example");
            noMessageId.remove("message-id");
            refused(noMessageId, "message-id");

            id = unique("no-body") + "@mail.example";
            ids.add(id);
            Map<String, Object> noBody = inboundEmail(id);
            noBody.remove("text");
            noBody.remove("html");
            refused(noBody, "text");

            Map<String, Object> everything = inboundEmail("ignored@mail.example");
            everything.remove("from");
            everything.remove("message-id");
            everything.put("received-at", 12);
            postSigned(json(everything)).then()
                    .statusCode(422)
                    .body("errors.field", hasItems("from", "message-id", "received-at"));

            for (String refusedId : ids) {
                assertNothingAccepted(probe, refusedId);
            }
        }
        assertEquals(before, Fixtures.count("SELECT count(*) FROM webhook_receipt"), "no receipt for a refused webhook");
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedWith413AndOneOfExactlyOneMebibyteIsAccepted() {
        String tooLargeId = unique("too-large") + "@mail.example";
        String exactId = unique("exact") + "@mail.example";
        int limit = 1024 * 1024;
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            postSigned(padded(inboundEmail(tooLargeId), limit + 1)).then()
                    .statusCode(413)
                    .contentType(PROBLEM)
                    .body("type", equalTo(PROBLEMS + "payload-too-large"));
            // Size is checked first: even an unsigned oversized body gets the 413.
            post(padded(inboundEmail(tooLargeId), limit + 1), null).then().statusCode(413);
            assertNothingAccepted(probe, tooLargeId);

            postSigned(padded(inboundEmail(exactId), limit)).then().statusCode(202);
            assertEquals(1, published(probe, exactId).size());
        }
    }

    @Test
    void webhookOutcomesAreCountedByReasonAndTimed() {
        String id = unique("metrics") + "@mail.example";
        byte[] body = json(inboundEmail(id)).getBytes(StandardCharsets.UTF_8);
        postSigned(body).then().statusCode(202);
        postSigned(body).then().statusCode(200);
        post(body, null).then().statusCode(401);

        given().header("Accept", "text/plain").get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("support_webhooks_accepted_total{channel=\"email\""))
                .body(containsString("support_webhooks_duplicate_total{channel=\"email\""))
                .body(containsString("support_webhooks_rejected_total{channel=\"email\",reason=\"invalid-signature\""))
                .body(containsString("support_webhooks_latency_seconds_count{channel=\"email\",outcome=\"accepted\""));
    }

    @Test
    void theApiDocumentDescribesTheWebhook() {
        given().accept("application/json").get("/q/openapi").then()
                .statusCode(200)
                .body("paths.keySet()", hasItem("/webhooks/email"));
    }

    private static void refused(Map<String, Object> email, String field) {
        postSigned(json(email)).then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + "invalid-request"))
                .body("errors.field", hasItem(field));
    }

    /** A signed-able JSON body of exactly {@code size} bytes: the e-mail with its text padded. */
    private static byte[] padded(Map<String, Object> email, int size) {
        email.put("text", "");
        int base = json(email).getBytes(StandardCharsets.UTF_8).length;
        email.put("text", "x".repeat(size - base));
        byte[] body = json(email).getBytes(StandardCharsets.UTF_8);
        assertEquals(size, body.length);
        return body;
    }

    /** Records on support.inbound.v1 for this provider message id. */
    private static List<ConsumerRecord<String, String>> published(TopicProbe probe, String providerMessageId) {
        String needle = "\"providerMessageId\":\"" + providerMessageId + "\"";
        await().atMost(Duration.ofSeconds(10)).until(() -> probe.drain(Duration.ofMillis(200)).stream()
                .anyMatch(r -> r.value().contains(needle)));
        return probe.drain(Duration.ofMillis(500)).stream().filter(r -> r.value().contains(needle)).toList();
    }

    /**
     * A refused webhook is answered before anything is published, so a record for it would already be on the
     * topic when the answer came; a short look confirms there is none, and no receipt either.
     */
    private static void assertNothingAccepted(TopicProbe probe, String providerMessageId) {
        String needle = "\"providerMessageId\":\"" + providerMessageId + "\"";
        assertTrue(probe.drain(Duration.ofSeconds(1)).stream().noneMatch(r -> r.value().contains(needle)),
                "nothing on " + Topics.INBOUND);
        assertEquals(0, receipts(providerMessageId), "no receipt");
    }
}
