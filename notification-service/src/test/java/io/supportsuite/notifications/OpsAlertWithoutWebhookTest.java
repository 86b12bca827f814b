package io.supportsuite.notifications;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.supportsuite.devstack.testing.DevStackResource;

/** N8 without OPS_WEBHOOK_URL: a breach is still recorded (and logged), in state no_sink, never lost silently. */
@QuarkusTest
@TestProfile(OpsAlertWithoutWebhookTest.NoWebhook.class)
class OpsAlertWithoutWebhookTest {

    /** The service as shipped: no webhook configured, the real broker and database only. */
    public static class NoWebhook implements QuarkusTestProfile {

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DevStackResource.class));
        }
    }

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void n8BreachWithoutWebhookIsRecordedAsNoSink() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        String ticketId = SpineEvents.ticket("UTC").id();
        Instant deadline = Instant.parse("2026-11-22T17:05:00Z");
        try (SpineEvents events = new SpineEvents(mapper, bootstrap)) {
            events.sendBreached(SpineEvents.breached(ticketId, "first_response", deadline, deadline.plusSeconds(61)));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("ticketId", ticketId)
                .get("/api/alerts").then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].state", equalTo("no_sink"))
                .body("[0].attempts", equalTo(0))
                .body("[0].lateSeconds", equalTo(61))
                .body("[0].sentAt", nullValue()));
        given().header("Accept", "text/plain").get("/q/metrics").then()
                .body(containsString("support_ops_alerts_total{outcome=\"no_sink\""));
    }
}
