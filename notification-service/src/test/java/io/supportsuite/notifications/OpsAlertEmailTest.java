package io.supportsuite.notifications;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.supportsuite.devstack.testing.DevStackResource;

/** N8: an ops sink may be an e-mail address (mailto:); a breach arrives there as a mail over real SMTP. */
@QuarkusTest
@TestProfile(OpsAlertEmailTest.EmailSink.class)
class OpsAlertEmailTest {

    /** The ops sink is a mailbox; the mailer talks to an in-process SMTP server. */
    public static class EmailSink implements QuarkusTestProfile {

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DevStackResource.class), new TestResourceEntry(SmtpServerResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("notifications.alerts.webhook-url", "mailto:ops@support-suite.local");
        }
    }

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void n8BreachIsMailedToAnEmailSink() throws Exception {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        String ticketId = SpineEvents.ticket("UTC").id();
        Instant deadline = Instant.parse("2026-11-22T17:05:00Z");
        try (SpineEvents events = new SpineEvents(mapper, bootstrap)) {
            events.sendBreached(SpineEvents.breached(ticketId, "first_response", deadline, deadline.plusSeconds(5)));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("ticketId", ticketId)
                .get("/api/alerts").then().body("[0].state", equalTo("sent")));
        List<MimeMessage> mails = SmtpServerResource.received().stream()
                .filter(m -> header(m, "X-Idempotency-Key").equals("alert:" + ticketId + ":first_response:breached")).toList();
        assertEquals(1, mails.size());
        MimeMessage mail = mails.get(0);
        assertEquals("ops@support-suite.local", mail.getAllRecipients()[0].toString());
        assertEquals("[SLA] Breach: ticket " + ticketId + " (first_response)", mail.getSubject());
        String body = mail.getContent().toString();
        assertTrue(body.contains("SLA breached on ticket " + ticketId) && body.contains("5 s late"), body);
    }

    private static String header(MimeMessage message, String name) {
        try {
            String value = message.getHeader(name, null);
            return value == null ? "" : value;
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
