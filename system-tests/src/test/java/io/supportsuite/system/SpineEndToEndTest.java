package io.supportsuite.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMailUtil;

import io.restassured.path.json.JsonPath;
import io.supportsuite.devstack.testing.TopicProbe;
import io.supportsuite.devstack.testing.WebhookSigning;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;

/**
 * The spine, end to end, through public interfaces only: a signed e-mail webhook in; the ticket API, the
 * customer's mailbox (a real SMTP server) and the ops webhook out. The first-response budget (R1) is set to
 * a few seconds so the deadline passes during the test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpineEndToEndTest {

    private static final Duration BUDGET = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningSuite suite;

    @BeforeAll
    static void startSuite() throws Exception {
        suite = new RunningSuite(Map.of("SLA_FIRST_RESPONSE", BUDGET.toString()));
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void emailBecomesATicketIsAcknowledgedWithItsDeadlineAndOpsHearOfTheBreachOnlyAfterIt() throws Exception {
        String customer = "ada." + UUID.randomUUID().toString().substring(0, 8) + "@customer.example";
        String subject = "Printer on fire " + UUID.randomUUID();
        String messageId = UUID.randomUUID() + "@customer.example";
        postEmail(email("Ada Lovelace <" + customer.toUpperCase() + ">", subject, "It smokes.", messageId, null), 202);

        JsonPath ticket = awaitTicket(subject);
        String ticketId = ticket.getString("id");
        assertEquals("It smokes.", ticket.getString("messages[0].text"), "the e-mail is the first transcript entry");
        assertEquals("new", ticket.getString("status"));
        Instant deadline = Instant.parse(ticket.getString("createdAt")).plus(BUDGET);

        // N1: the acknowledgement reaches the customer, threaded, with the promised time in it.
        MimeMessage ack = awaitMail(customer, "Re: " + subject);
        String ackText = GreenMailUtil.getBody(ack);
        // N1 under-promises: the time shown is the deadline rounded up to the minute, never earlier.
        String promised = minuteAtOrAfter(deadline);
        assertTrue(ackText.contains(promised) || ackText.contains(minuteAtOrAfter(deadline.plusSeconds(1))),
                "the acknowledgement names the deadline " + deadline + " as " + promised + ": " + ackText);
        assertEquals("<" + messageId + ">", ack.getHeader("In-Reply-To", null));

        // R1 + N8: the ops alert comes after the deadline, not before, and once.
        RunningSuite.OpsAlert alert = awaitAlert(ticketId, BUDGET.plusSeconds(20));
        assertFalse(alert.receivedAt().isBefore(deadline), "alert at " + alert.receivedAt() + ", deadline " + deadline);
        JsonPath body = JsonPath.from(alert.body());
        assertEquals("first_response", body.getString("clock"));
        assertTrue(body.getLong("lateSeconds") >= 0);
        RunningSuite.sleep(3000);
        assertEquals(1, alertsFor(ticketId), "one alert per breach");
    }

    @Test
    @Order(2)
    void aReplyInTimeMeetsThePromiseRaisesNoAlertAndTheCustomersAnswerThreadsIntoTheTicket() throws Exception {
        String customer = "grace." + UUID.randomUUID().toString().substring(0, 8) + "@customer.example";
        String subject = "Invoice question " + UUID.randomUUID();
        String messageId = UUID.randomUUID() + "@customer.example";
        try (TopicProbe sla = new TopicProbe(suite.stack.kafka().bootstrapServers(), Topics.SLA)) {
            postEmail(email(customer, subject, "Why twice?", messageId, null), 202);
            JsonPath ticket = awaitTicket(subject);
            String ticketId = ticket.getString("id");
            Instant deadline = Instant.parse(ticket.getString("createdAt")).plus(BUDGET);

            agent().contentType("application/json")
                    .body(Map.of("body", "We refunded the second charge.", "agentId", "agent-7", "agentName", "Linus"))
                    .post(suite.url("ticket-service") + "/api/tickets/" + ticketId + "/replies")
                    .then().statusCode(201);

            ConsumerRecord<String, String> met = sla.await(r -> ticketId.equals(r.key())
                    && EventTypes.SLA_MET.equals(TopicProbe.header(r, "ce_type")), Duration.ofSeconds(30));
            assertTrue(met.value().contains("first_response"));

            // The agent's reply is delivered to the customer, threaded on their e-mail.
            MimeMessage reply = awaitMailContaining(customer, "We refunded the second charge.");
            assertEquals("<" + messageId + ">", reply.getHeader("In-Reply-To", null));
            String replyId = reply.getMessageID();

            // C3: the customer's answer to the agent's mail lands on the same ticket.
            postEmail(email(customer, "Re: " + subject, "Thanks, all good.", UUID.randomUUID() + "@customer.example",
                    replyId.replaceAll("[<>]", "")), 202);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> agent()
                    .get(suite.url("ticket-service") + "/api/tickets/" + ticketId).then()
                    .body("messages.size()", equalTo(3))
                    .body("messages[2].text", equalTo("Thanks, all good.")));
            assertEquals(1, ticketsWithSubject(subject), "no second ticket for the answer");

            // No alert: wait past the deadline the reply beat.
            long untilPast = Duration.between(Instant.now(), deadline.plusSeconds(3)).toMillis();
            RunningSuite.sleep(Math.max(0, untilPast));
            assertEquals(0, alertsFor(ticketId), "a promise kept raises no alert");
            assertTrue(sla.ofType(EventTypes.SLA_BREACHED, Duration.ofMillis(500)).stream()
                    .noneMatch(r -> ticketId.equals(r.key())), "and no breach");
        }
    }

    @Test
    @Order(3)
    void aBreachDueWhileSlaMonitorIsDownFiresOnceAfterItRestarts() throws Exception {
        String subject = "Lost parcel " + UUID.randomUUID();
        try (TopicProbe sla = new TopicProbe(suite.stack.kafka().bootstrapServers(), Topics.SLA)) {
            postEmail(email("kim@customer.example", subject, "Where is it?", UUID.randomUUID() + "@customer.example",
                    null), 202);
            String ticketId = awaitTicket(subject).getString("id");
            sla.await(r -> ticketId.equals(r.key()) && EventTypes.SLA_CLOCK_STARTED.equals(TopicProbe.header(r, "ce_type")),
                    Duration.ofSeconds(30));

            suite.kill("sla-monitor");
            RunningSuite.sleep(BUDGET.plusSeconds(2).toMillis());
            assertEquals(0, alertsFor(ticketId), "nobody fired it while the monitor was down");
            suite.start("sla-monitor");
            suite.awaitReady("sla-monitor");

            awaitAlert(ticketId, Duration.ofSeconds(60));
            RunningSuite.sleep(3000);
            assertEquals(1, alertsFor(ticketId), "fired once after the restart");
            assertEquals(1, sla.ofType(EventTypes.SLA_BREACHED, Duration.ofSeconds(1)).stream()
                    .filter(r -> ticketId.equals(r.key())).count());
        }
    }

    // --- the customer, the agent and ops, as seen from outside

    private static String minuteAtOrAfter(Instant instant) {
        Instant minute = instant.truncatedTo(ChronoUnit.MINUTES);
        Instant shown = minute.equals(instant) ? minute : minute.plus(1, ChronoUnit.MINUTES);
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC).format(shown);
    }

    private static String email(String from, String subject, String text, String messageId, String inReplyTo) {
        ObjectNode mail = JSON.createObjectNode()
                .put("from", from)
                .put("to", "support@support-suite.local")
                .put("subject", subject)
                .put("text", text)
                .put("message-id", "<" + messageId + ">")
                .put("received-at", Instant.now().toString());
        if (inReplyTo != null) {
            mail.put("in-reply-to", "<" + inReplyTo + ">");
            mail.putArray("references").add("<" + inReplyTo + ">");
        }
        return mail.toString();
    }

    /** ticket-service's API needs a logged-in agent: the admin it creates from its configuration (local default). */
    private static io.restassured.specification.RequestSpecification agent() {
        return given().auth().preemptive().basic("admin", "support-admin");
    }

    private static void postEmail(String json, int expectedStatus) {
        given().contentType("application/json")
                .header(WebhookSigning.HEADER, WebhookSigning.signature(RunningSuite.EMAIL_SECRET, json))
                .body(json)
                .post(suite.url("channel-gateway") + "/webhooks/email")
                .then().statusCode(expectedStatus);
    }

    private static JsonPath awaitTicket(String subject) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<Map<String, Object>> items = agent().get(suite.url("ticket-service") + "/api/tickets")
                    .then().statusCode(200).extract().jsonPath().getList("items");
            items.stream().filter(t -> subject.equals(t.get("subject"))).findFirst()
                    .ifPresent(t -> id[0] = String.valueOf(t.get("id")));
            return id[0] != null;
        });
        return agent().get(suite.url("ticket-service") + "/api/tickets/" + id[0]).then().statusCode(200).extract().jsonPath();
    }

    private static long ticketsWithSubject(String subject) {
        List<Map<String, Object>> items = agent().get(suite.url("ticket-service") + "/api/tickets")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(t -> subject.equals(t.get("subject"))).count();
    }

    private static MimeMessage awaitMail(String recipient, String subject) throws Exception {
        return awaitMatching(recipient, m -> subject.equals(m.getSubject()));
    }

    private static MimeMessage awaitMailContaining(String recipient, String text) throws Exception {
        return awaitMatching(recipient, m -> GreenMailUtil.getBody(m).contains(text));
    }

    private interface MailMatch {
        boolean test(MimeMessage message) throws Exception;
    }

    private static MimeMessage awaitMatching(String recipient, MailMatch match) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            for (MimeMessage m : suite.smtp.getReceivedMessagesForDomain(recipient)) {
                if (match.test(m)) {
                    return m;
                }
            }
            RunningSuite.sleep(200);
        }
        throw new AssertionError("no matching mail for " + recipient);
    }

    private static RunningSuite.OpsAlert awaitAlert(String ticketId, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (RunningSuite.OpsAlert a : suite.opsAlerts) {
                if (a.body().contains(ticketId)) {
                    return a;
                }
            }
            RunningSuite.sleep(100);
        }
        throw new AssertionError("no ops alert for " + ticketId + " within " + timeout);
    }

    private static long alertsFor(String ticketId) {
        return suite.opsAlerts.stream().filter(a -> a.body().contains(ticketId)).count();
    }
}
