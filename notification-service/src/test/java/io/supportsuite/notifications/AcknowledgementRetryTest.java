package io.supportsuite.notifications;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.devstack.testing.TopicProbe;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.notifications.SpineEvents.Ticket;

/**
 * N1 under load, when transactions fail and the inbox tries them again: thousands of tickets and their clocks race
 * on the two topics, in both orders, and every other first insert of their rows fails at the statement (a database
 * trigger, as a serialization failure or a lost connection would). Every ticket must still get exactly one
 * acknowledgement. With Hibernate's insert ordering on, sessions flushing at once on the two event loops shared one
 * sorter and corrupted each other's insert queues: a ticket's inbox claim could commit without its contact row, and
 * that ticket was never acknowledged. 3,000 tickets showed it; 300 did not.
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(OpsWebhookResource.class)
class AcknowledgementRetryTest {

    /** Only this test's clocks carry this deadline, and only its tickets this subject: the trigger fails no one else's. */
    private static final Instant DEADLINE = Instant.parse("2031-03-03T03:03:00Z");
    private static final String SUBJECT = "Flaky ";
    private static final int TICKETS = 3000;

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
        Sql.execute("CREATE SEQUENCE IF NOT EXISTS ack_retry_failures");
        // Every other first insert of this test's rows fails, at the statement, as a transient error would; the
        // sequence is not transactional, so an attempt that rolled back is not failed again for the same reason.
        Sql.execute("DROP TRIGGER IF EXISTS ack_retry_contact ON ticket_contact");
        Sql.execute("DROP TRIGGER IF EXISTS ack_retry_promise ON response_promise");
        Sql.execute("CREATE OR REPLACE FUNCTION ack_retry_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF nextval('ack_retry_failures') % 2 = 0 THEN "
                + "RAISE EXCEPTION 'injected failure for %', NEW.ticket_id USING ERRCODE = '40001'; END IF; "
                + "RETURN NEW; END $$");
        Sql.execute("CREATE TRIGGER ack_retry_contact BEFORE INSERT ON ticket_contact FOR EACH ROW "
                + "WHEN (NEW.subject LIKE '" + SUBJECT + "%') EXECUTE FUNCTION ack_retry_fail()");
        Sql.execute("CREATE TRIGGER ack_retry_promise BEFORE INSERT ON response_promise FOR EACH ROW "
                + "WHEN (NEW.deadline = TIMESTAMPTZ '" + DEADLINE + "') EXECUTE FUNCTION ack_retry_fail()");
    }

    @AfterEach
    void disconnect() {
        Sql.execute("DROP TRIGGER IF EXISTS ack_retry_contact ON ticket_contact");
        Sql.execute("DROP TRIGGER IF EXISTS ack_retry_promise ON response_promise");
        events.close();
        outbound.close();
    }

    @Test
    void n1EveryTicketIsAcknowledgedOnceWhenItsHalvesRaceAndTheirFirstInsertsFail() {
        List<Ticket> tickets = IntStream.range(0, TICKETS).mapToObj(i -> {
            Ticket t = SpineEvents.ticket(SpineEvents.daytimeZone());
            return new Ticket(t.id(), t.number(), SUBJECT + t.subject(), t.email(), t.name(), t.locale(), t.timeZone(),
                    t.messageId(), t.customerId());
        }).toList();
        List<String> eventIds = new ArrayList<>();
        for (int i = 0; i < tickets.size(); i++) {
            Ticket ticket = tickets.get(i);
            if (i % 2 == 0) {
                eventIds.add(events.sendCreated(ticket));
                eventIds.add(events.sendClockStarted(ticket.id(), DEADLINE));
            } else {
                eventIds.add(events.sendClockStarted(ticket.id(), DEADLINE));
                eventIds.add(events.sendCreated(ticket));
            }
        }

        // Every event handled: its inbox claim committed (with whatever its transaction stored).
        String ids = eventIds.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Sql.number("SELECT count(*) FROM inbox WHERE ce_id IN (" + ids + ")") == eventIds.size());
        List<ConsumerRecord<String, String>> published = outbound.drain(Duration.ofSeconds(3));
        Map<String, Long> acks = published.stream()
                .filter(r -> EventTypes.MESSAGE_SEND.equals(TopicProbe.header(r, "ce_type")))
                .filter(r -> r.value().contains("\"ack:" + r.key() + "\""))
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        List<String> wrong = new ArrayList<>();
        for (Ticket ticket : tickets) {
            long sent = acks.getOrDefault(ticket.id(), 0L);
            if (sent != 1) {
                wrong.add(ticket.id() + ": " + sent + " acks, contact rows "
                        + Sql.number("SELECT count(*) FROM ticket_contact WHERE ticket_id = '" + ticket.id() + "'")
                        + ", promise rows "
                        + Sql.number("SELECT count(*) FROM response_promise WHERE ticket_id = '" + ticket.id() + "'"));
            }
        }
        assertEquals(List.of(), wrong, "tickets without exactly one acknowledgement");
    }
}
