package io.supportsuite.notifications;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.outbound.MessageSend;
import io.supportsuite.events.ticket.TicketAutoSolveDue;
import io.supportsuite.notifications.SpineEvents.Ticket;

/**
 * N2 and N3 through the durable schedule: the delay notice at the 80 % warning, the one reminder of a pending
 * ticket and the auto-solve after it. Delays are seconds here (test configuration), not hours.
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(OpsWebhookResource.class)
class ScheduledMessagesTest {

    // In the future, so that the promise stays the deadline (a past one would move it to the warning time).
    private static final Instant DEADLINE = Instant.parse("2036-11-22T17:05:00Z");

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private SpineEvents events;
    private Outbound outbound;

    @BeforeEach
    void connect() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        events = new SpineEvents(mapper, bootstrap);
        outbound = new Outbound(mapper, bootstrap);
    }

    @AfterEach
    void disconnect() {
        events.close();
        outbound.close();
    }

    @Test
    void n2EightyPercentWarningSendsOneDelayNoticeWithAnApologyAndANewTime() {
        Ticket ticket = SpineEvents.ticket("Europe/Riga");
        events.sendCreated(ticket);
        events.sendClockStarted(ticket.id(), DEADLINE);
        outbound.await(ticket.id(), "ack:");
        events.sendWarning(ticket.id(), DEADLINE, 50);
        events.sendWarning(ticket.id(), DEADLINE, 80);
        events.sendWarning(ticket.id(), DEADLINE, 80); // the same stage again (re-published): still one notice

        MessageSend notice = outbound.await(ticket.id(), "delay_notice:");
        assertEquals("delay_notice", notice.kind());
        assertTrue(notice.text().contains("we are sorry"), notice.text());
        // The new promise: the deadline (19:05 in Riga) plus the configured slack of two hours.
        assertTrue(notice.text().contains("at the latest by 2036-11-22 21:05 Europe/Riga"), notice.text());
        assertTrue(!notice.text().contains("/unsubscribe/"), "a delay notice is transactional: " + notice.text());
        assertEquals(1, outbound.all(ticket.id(), "delay_notice:", Duration.ofSeconds(2)).size());
    }

    @Test
    void n3PendingTicketGetsOneReminderThenAnAutoSolveEvent() throws Exception {
        Ticket ticket = SpineEvents.ticket(null, "bs");
        events.sendCreated(ticket);
        events.sendReplied(ticket.id(), "Amra Hodžić", "Naplata");
        events.sendStatus(ticket.id(), "open", "pending");

        MessageSend reminder = outbound.await(ticket.id(), "reminder:");
        assertEquals("reminder", reminder.kind());
        assertEquals("bs", reminder.locale());
        assertTrue(reminder.text().contains("čekamo Vaš odgovor"), reminder.text());
        assertTrue(reminder.text().contains("Amra Hodžić\nNaplata"), "signed by the agent and team (N7): " + reminder.text());
        assertTrue(reminder.text().contains("/unsubscribe/"), "a reminder carries the unsubscribe link (N6): " + reminder.text());

        TicketAutoSolveDue due = mapper.readValue(
                outbound.awaitTicketEvent(ticket.id(), EventTypes.TICKET_AUTO_SOLVE_DUE).value(), TicketAutoSolveDue.class);
        assertEquals(ticket.id(), due.ticketId());
        assertTrue(!due.dueAt().isBefore(due.reminderSentAt().plusSeconds(2)), due.toString());
        assertEquals(1, outbound.all(ticket.id(), "reminder:", Duration.ofSeconds(2)).size(), "one reminder, nothing more");
        assertEquals(1, outbound.ticketEvents(ticket.id(), EventTypes.TICKET_AUTO_SOLVE_DUE, Duration.ZERO).size());
    }

    @Test
    void n3CustomerWritingCancelsTheReminder() {
        Ticket ticket = SpineEvents.ticket(null);
        events.sendCreated(ticket);
        events.sendStatus(ticket.id(), "open", "pending");
        events.sendCustomerWrote(ticket.id());

        await().atMost(Outbound.WAIT).untilAsserted(() -> given().queryParam("ticketId", ticket.id())
                .get("/api/notifications/scheduled").then().statusCode(200)
                .body("find { it.kind == 'REMINDER' }.state", equalTo("cancelled"))
                .body("find { it.kind == 'REMINDER' }.reason", equalTo("customer wrote")));
        assertEquals(List.of(), outbound.all(ticket.id(), "reminder:", Duration.ofSeconds(3)), "no reminder after the answer");
    }

    @Test
    void n3StatusLeavingPendingCancelsTheReminder() {
        Ticket ticket = SpineEvents.ticket(null);
        events.sendCreated(ticket);
        events.sendStatus(ticket.id(), "open", "pending");
        events.sendStatus(ticket.id(), "pending", "open");

        await().atMost(Outbound.WAIT).untilAsserted(() -> given().queryParam("ticketId", ticket.id())
                .get("/api/notifications/scheduled").then().statusCode(200)
                .body("state", hasItem("cancelled")));
        assertEquals(List.of(), outbound.all(ticket.id(), "reminder:", Duration.ofSeconds(3)));
    }
}
