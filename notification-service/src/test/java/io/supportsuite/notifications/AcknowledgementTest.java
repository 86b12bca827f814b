package io.supportsuite.notifications;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.devstack.testing.Reactive;
import io.supportsuite.devstack.testing.TopicProbe;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.outbound.MessageSend;
import io.supportsuite.events.ticket.TicketCreated;
import io.supportsuite.notifications.SpineEvents.Ticket;
import io.supportsuite.notifications.ticket.TicketContact;

/**
 * N1: one acknowledgement per ticket, promising the first-response deadline (or the team's backlog forecast
 * when later), threaded under the customer's mail.
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(OpsWebhookResource.class)
class AcknowledgementTest {

    private static final Instant DEADLINE = Instant.parse("2026-11-22T17:05:00Z");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private SpineEvents events;
    private TopicProbe outbound;

    @BeforeEach
    void connect() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        events = new SpineEvents(mapper, bootstrap);
        outbound = new TopicProbe(bootstrap, Topics.OUTBOUND);
    }

    @AfterEach
    void disconnect() {
        events.close();
        outbound.close();
    }

    @Test
    void n1AckAfterTicketThenClockPromisesTheDeadlineInTheCustomersThread() throws Exception {
        Ticket ticket = SpineEvents.ticket("UTC");
        events.sendCreated(ticket);
        events.sendClockStarted(ticket.id(), DEADLINE);

        ConsumerRecord<String, String> record = awaitAck(ticket.id());
        assertEquals(EventTypes.MESSAGE_SEND, TopicProbe.header(record, "ce_type"));
        assertEquals(ticket.id(), TopicProbe.header(record, "ce_subject"));
        MessageSend ack = mapper.readValue(record.value(), MessageSend.class);
        assertEquals("ack", ack.kind());
        assertEquals("ack:" + ticket.id(), ack.idempotencyKey());
        assertEquals(ticket.id(), ack.ticketId());
        assertEquals("cust-" + ticket.id(), ack.customerId());
        assertEquals("email", ack.channel());
        assertEquals("email", ack.recipient().kind());
        assertEquals(ticket.email(), ack.recipient().value());
        assertEquals("Re: " + ticket.subject(), ack.subject());
        assertEquals("ack-" + ticket.id() + "@support-suite.local", ack.replyTo().messageId());
        assertEquals(ticket.messageId(), ack.replyTo().inReplyTo());
        assertEquals(List.of(ticket.messageId()), ack.replyTo().references());
        assertEquals("en", ack.locale());
        assertTrue(ack.text().contains("#" + ticket.number()), ack.text());
        assertTrue(ack.text().contains("at the latest by 2026-11-22 17:05 UTC"), ack.text());
        assertTrue(ack.text().startsWith("Hello " + ticket.name() + ","), ack.text());

        given().queryParam("ticketId", ticket.id()).get("/api/notifications").then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].idempotencyKey", equalTo("ack:" + ticket.id()))
                .body("[0].messageId", equalTo("ack-" + ticket.id() + "@support-suite.local"));
        given().header("Accept", "text/plain").get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("support_notifications_published_total{kind=\"ack\""));
    }

    @Test
    void n1AckWhenTheClockArrivesBeforeTheTicketIsSentExactlyOnce() throws Exception {
        Ticket ticket = SpineEvents.ticket("UTC");
        events.sendClockStarted(ticket.id(), DEADLINE);
        // A later record on the same SLA partition shows the clock was stored before the ticket is sent.
        events.sendBreached(SpineEvents.breached(ticket.id(), "resolution", DEADLINE, DEADLINE));
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("ticketId", ticket.id()).get("/api/alerts").then()
                .body("$", hasSize(1)));
        assertEquals(0, acksFor(ticket.id()), "no ack without the ticket");
        events.sendCreated(ticket);

        MessageSend ack = mapper.readValue(awaitAck(ticket.id()).value(), MessageSend.class);
        assertTrue(ack.text().contains("2026-11-22 17:05 UTC"), ack.text());
        awaitConsumedAfter(ticket.id());
        assertEquals(1, acksFor(ticket.id()));
    }

    @Test
    void n1RedeliveredTicketAndClockSendNoSecondAck() throws Exception {
        Ticket ticket = SpineEvents.ticket("UTC");
        String createdId = events.sendCreated(ticket);
        String clockId = events.sendClockStarted(ticket.id(), DEADLINE);
        awaitAck(ticket.id());

        // The same records again (a redelivery), and the same facts under new ids (an upstream re-publish).
        events.send(Topics.TICKETS, ticket.id(), EventTypes.TICKET_CREATED, createdId, SpineEvents.created(ticket));
        events.send(Topics.SLA, ticket.id(), EventTypes.SLA_CLOCK_STARTED, clockId,
                SpineEvents.clockStarted(ticket.id(), DEADLINE));
        events.sendCreated(ticket);
        events.sendClockStarted(ticket.id(), DEADLINE);

        awaitConsumedAfter(ticket.id());
        assertEquals(1, acksFor(ticket.id()));
        given().queryParam("ticketId", ticket.id()).get("/api/notifications").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void n1TicketAndClockArrivingTogetherAckEveryTicketExactlyOnce() {
        // Both topics are consumed concurrently: each pair races, and each must end in one ack, never none or two.
        List<Ticket> tickets = IntStream.range(0, 10).mapToObj(i -> SpineEvents.ticket("UTC")).toList();
        for (Ticket ticket : tickets) {
            events.sendCreated(ticket);
            events.sendClockStarted(ticket.id(), DEADLINE);
        }
        tickets.forEach(ticket -> awaitAck(ticket.id()));
        List<ConsumerRecord<String, String>> published = outbound.drain(Duration.ofSeconds(1));
        for (Ticket ticket : tickets) {
            assertEquals(1, published.stream().filter(r -> isAckFor(r, ticket.id())).count(), ticket.id());
            given().queryParam("ticketId", ticket.id()).get("/api/notifications").then().body("$", hasSize(1));
        }
    }

    @Test
    void n1AckWritesTheDeadlineInTheCustomersTimeZone() throws Exception {
        Ticket riga = SpineEvents.ticket("Europe/Riga");
        Ticket utc = SpineEvents.ticket(null); // ticket-service sends UTC for a customer without a zone; absent means UTC too
        for (Ticket ticket : List.of(riga, utc)) {
            events.sendCreated(ticket);
            events.sendClockStarted(ticket.id(), DEADLINE.plusSeconds(30));
        }

        String rigaText = mapper.readValue(awaitAck(riga.id()).value(), MessageSend.class).text();
        String utcText = mapper.readValue(awaitAck(utc.id()).value(), MessageSend.class).text();
        // 17:05:30 UTC is 19:05:30 in Riga (EET); shown as the next whole minute, never earlier than the deadline.
        assertTrue(rigaText.contains("at the latest by 2026-11-22 19:06 Europe/Riga"), rigaText);
        assertFalse(rigaText.contains("UTC"), rigaText);
        assertTrue(utcText.contains("at the latest by 2026-11-22 17:06 UTC"), utcText);
    }

    @Test
    void n1AckPromisesTheBacklogForecastWhenTheTeamCannotMakeTheDeadline() throws Exception {
        String team = "Forecast " + UUID.randomUUID();
        List<Ticket> answered = IntStream.range(0, 3).mapToObj(i -> SpineEvents.ticket("UTC")).toList();
        List<Ticket> waiting = IntStream.range(0, 3).mapToObj(i -> SpineEvents.ticket("UTC")).toList();
        for (Ticket t : answered) {
            events.sendCreated(t, team);
            events.sendReplied(t.id(), "Karen Sargsyan", team);
        }
        waiting.forEach(t -> events.sendCreated(t, team));
        await().atMost(WAIT).until(() -> Reactive.await(() -> Panache.withSession(() -> TicketContact.count(
                "team = ?1 and firstRepliedAt is not null", team))) == 3
                && Reactive.await(() -> Panache.withSession(() -> TicketContact.count("team", team))) == 6);

        // Three first answers in the last hour, four tickets waiting (with the new one): about 80 minutes,
        // later than the deadline ten minutes away, so the forecast is the promise.
        Instant now = Instant.now();
        Ticket ticket = SpineEvents.ticket("UTC");
        events.sendCreated(ticket, team);
        events.sendClockStarted(ticket.id(), now.plus(Duration.ofMinutes(10)));

        String text = mapper.readValue(awaitAck(ticket.id()).value(), MessageSend.class).text();
        Matcher promised = Pattern.compile("at the latest by (\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}) UTC").matcher(text);
        assertTrue(promised.find(), text);
        Instant eta = LocalDateTime.parse(promised.group(1).replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        assertTrue(eta.isAfter(now.plus(Duration.ofMinutes(75))) && eta.isBefore(now.plus(Duration.ofMinutes(90))), text);
    }

    @Test
    void n1LiveChatAnsweredWithinThePickupTimeGetsNoAckAndAnUnansweredOneGetsItThen() throws Exception {
        Ticket answered = SpineEvents.ticket("UTC");
        Ticket waiting = SpineEvents.ticket("UTC");
        for (Ticket ticket : List.of(answered, waiting)) {
            TicketCreated email = SpineEvents.created(ticket);
            events.send(Topics.TICKETS, ticket.id(), EventTypes.TICKET_CREATED, UUID.randomUUID().toString(),
                    new TicketCreated(email.ticketId(), email.number(), email.subject(), "chat", email.status(),
                            email.priority(), email.team(), email.assigneeId(), email.customer(), email.messageId(),
                            email.thread(), Instant.now()));
            events.sendClockStarted(ticket.id(), DEADLINE);
        }
        events.sendReplied(answered.id(), "Ani Hakobyan", "Chat"); // an agent picked the chat up at once

        // the pickup time (R2; 5 s in tests) after its creation, the unanswered chat is acknowledged
        MessageSend ack = mapper.readValue(awaitAck(waiting.id()).value(), MessageSend.class);
        assertTrue(ack.text().contains("2026-11-22 17:05 UTC"), ack.text());
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("ticketId", answered.id())
                .get("/api/notifications/scheduled").then()
                .body("find { it.kind == 'ACK' }.state", equalTo("cancelled"))
                .body("find { it.kind == 'ACK' }.reason", equalTo("answered live within the pickup time")));
        assertEquals(0, acksFor(answered.id()), "a live contact answered in time needs no acknowledgement (N1)");
        given().queryParam("ticketId", waiting.id()).get("/api/notifications/scheduled").then()
                .body("find { it.kind == 'ACK' }.state", equalTo("sent"));
    }

    private ConsumerRecord<String, String> awaitAck(String ticketId) {
        return outbound.await(r -> isAckFor(r, ticketId), WAIT);
    }

    private long acksFor(String ticketId) {
        return outbound.drain(Duration.ofSeconds(1)).stream().filter(r -> isAckFor(r, ticketId)).count();
    }

    private static boolean isAckFor(ConsumerRecord<String, String> r, String ticketId) {
        return ticketId.equals(r.key()) && EventTypes.MESSAGE_SEND.equals(TopicProbe.header(r, "ce_type"))
                && r.value().contains("\"ack:" + ticketId + "\"");
    }

    /**
     * Proves every record sent so far under {@code key} on both topics was consumed: a marker ticket sent on the
     * same keys (so the same partitions, behind them) gets its own ack only after they were handled.
     */
    private void awaitConsumedAfter(String key) {
        Ticket marker = SpineEvents.ticket("UTC");
        events.send(Topics.TICKETS, key, EventTypes.TICKET_CREATED, UUID.randomUUID().toString(),
                SpineEvents.created(marker));
        events.send(Topics.SLA, key, EventTypes.SLA_CLOCK_STARTED, UUID.randomUUID().toString(),
                SpineEvents.clockStarted(marker.id(), DEADLINE));
        awaitAck(marker.id());
    }
}
