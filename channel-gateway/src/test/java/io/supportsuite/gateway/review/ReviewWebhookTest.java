package io.supportsuite.gateway.review;

import static io.supportsuite.gateway.Fixtures.nothingPublished;
import static io.supportsuite.gateway.Fixtures.published;
import static io.supportsuite.gateway.Fixtures.read;
import static io.supportsuite.gateway.Fixtures.signedAt;
import static io.supportsuite.gateway.Fixtures.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
class ReviewWebhookTest {

    private static final String SECRET = "dev-review-secret";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    SchemaMigrator migrator;

    @BeforeEach
    void schemaIsReady() {
        await().atMost(Duration.ofSeconds(60)).until(migrator::isMigrated);
    }

    static String review(String id, Object rating, String extra) {
        return """
                {"platform":"Google","reviewId":"%s","rating":%s,"text":"Səbirsizliklə gözlədim, heç kim cavab vermədi",
                 "author":{"id":"g-4471","name":"Elvin Məmmədov"},"url":"https://maps.example/review/%s","language":"az",
                 "createdAt":"2026-03-02T09:15:00Z"%s}""".formatted(id, rating, id, extra);
    }

    static Response signed(String body) {
        return signedAt(SECRET, Instant.now(), body).post("/webhooks/review");
    }

    @Test
    void aOneStarReviewIsMarkedNegativeAndAFiveStarOneIsNot_R7() {
        String bad = unique("r");
        String good = unique("r");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            signed(review(bad, 1, "")).then().statusCode(202).body("items[0].key", equalTo("review:google:" + bad));
            signed(review(good, 5, "")).then().statusCode(202);
            MessageReceived negative = read(published(probe, bad).get(0), MessageReceived.class);
            assertEquals("review", negative.channel());
            assertEquals(1, negative.rating());
            assertTrue(negative.negative());
            assertEquals("social", negative.sender().kind());
            assertEquals("google", negative.sender().network());
            assertEquals("g-4471", negative.sender().value());
            assertEquals("az", negative.localeHint());
            assertEquals("https://maps.example/review/" + bad, negative.attachments().get(0).url());
            assertFalse(read(published(probe, good).get(0), MessageReceived.class).negative());
        }
    }

    @Test
    void aTwoStarReviewIsNegativeAndAFlaggedFourStarOneToo_R7() {
        String two = unique("r");
        String flagged = unique("r");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            signed(review(two, 2, "")).then().statusCode(202);
            signed(review(flagged, 4, ",\"flagged\":true")).then().statusCode(202);
            assertTrue(read(published(probe, two).get(0), MessageReceived.class).negative());
            assertTrue(read(published(probe, flagged).get(0), MessageReceived.class).negative());
        }
    }

    @Test
    void aResentReviewIsADuplicate_C4() {
        String id = unique("r");
        signed(review(id, 3, "")).then().statusCode(202);
        signed(review(id, 3, "")).then().statusCode(200).body("status", equalTo("duplicate"));
    }

    @Test
    void aReplayedOrBadlySignedReviewIsRefusedWith401() {
        String id = unique("r");
        String body = review(id, 1, "");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.INBOUND)) {
            signedAt(SECRET, Instant.now().minus(Duration.ofMinutes(10)), body).post("/webhooks/review").then().statusCode(401)
                    .body("type", equalTo("https://support-suite.dev/problems/stale-timestamp"));
            signedAt(SECRET, Instant.now().plus(Duration.ofMinutes(10)), body).post("/webhooks/review").then().statusCode(401);
            signedAt("wrong", Instant.now(), body).post("/webhooks/review").then().statusCode(401);
            assertTrue(nothingPublished(probe, id));
        }
    }

    @Test
    void aMalformedReviewIsRefusedNamingTheField() {
        signed(review(unique("r"), 7, "")).then().statusCode(422).body("errors.field", hasItem("rating"));
        signed(review(unique("r"), "\"five\"", "")).then().statusCode(422).body("errors.field", hasItem("rating"));
        signed("{\"platform\":\"Google\",\"rating\":3}").then().statusCode(422)
                .body("errors.field", hasItem("reviewId")).body("errors.field", hasItem("author"));
        signed("").then().statusCode(400);
    }
}
