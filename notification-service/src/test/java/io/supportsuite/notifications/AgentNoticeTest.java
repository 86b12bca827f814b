package io.supportsuite.notifications;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.agent.AgentChanged;
import io.supportsuite.events.common.Identity;
import io.supportsuite.events.sla.SlaWarning;
import io.supportsuite.events.ticket.CallbackCompleted;
import io.supportsuite.events.ticket.CallbackScheduled;
import io.supportsuite.events.ticket.TicketAssigned;

/**
 * Notices to agents, over real SMTP: to the agent's own address when ticket-service announced it, else to the agents'
 * sink (here a team mailbox): the callback owner 15 minutes before the callback (R3), moved or cancelled with the
 * callback; the assignee at the 80 % warning.
 */
@QuarkusTest
@TestProfile(AgentNoticeTest.AgentMailbox.class)
class AgentNoticeTest {

    static final String AGENTS = "agents@support-suite.local";

    public static class AgentMailbox implements QuarkusTestProfile {

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
            return Map.of("notifications.alerts.agent-webhook-url", "mailto:" + AGENTS);
        }
    }

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void ready() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }

    @Test
    void r3CallbackOwnerIsRemindedFifteenMinutesBeforeTheCallbackOnce() {
        SpineEvents.Ticket ticket = SpineEvents.ticket("UTC");
        Instant due = Instant.now().plus(Duration.ofMinutes(15)).plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        CallbackScheduled callback = callback(ticket.id(), "agent-olga", due);
        try (SpineEvents events = new SpineEvents(mapper, bootstrap)) {
            events.sendCreated(ticket);
            String ceId = events.send(Topics.TICKETS, ticket.id(), EventTypes.CALLBACK_SCHEDULED, UUID.randomUUID().toString(),
                    callback);
            events.send(Topics.TICKETS, ticket.id(), EventTypes.CALLBACK_SCHEDULED, ceId, callback); // redelivered
        }

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> given().queryParam("ticketId", ticket.id())
                .get("/api/alerts").then().body("$", hasSize(1)).body("[0].state", equalTo("sent"))
                .body("[0].agentId", equalTo("agent-olga")).body("[0].sink", equalTo("agent")));
        List<MimeMessage> mails = mailsAbout("#" + ticket.number());
        assertEquals(1, mails.size());
        assertEquals(AGENTS, recipient(mails.get(0)));
        assertEquals("[Callback] agent-olga: call back on ticket #" + ticket.number() + " at " + due, subject(mails.get(0)));
        given().queryParam("ticketId", ticket.id()).get("/api/notifications/scheduled").then()
                .body("kind", equalTo(List.of("CALLBACK_REMINDER"))).body("state", equalTo(List.of("sent")));
    }

    @Test
    void r3ACallbackWhoseOwnerIsKnownLaterRemindsThatOwner() {
        SpineEvents.Ticket ticket = SpineEvents.ticket("UTC");
        Instant due = Instant.now().plus(Duration.ofMinutes(15)).plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        CallbackScheduled unowned = callback(ticket.id(), null, due); // nobody could take the ticket yet
        try (SpineEvents events = new SpineEvents(mapper, bootstrap)) {
            events.sendCreated(ticket);
            events.send(Topics.TICKETS, ticket.id(), EventTypes.CALLBACK_SCHEDULED, UUID.randomUUID().toString(), unowned);
            events.send(Topics.TICKETS, ticket.id(), EventTypes.CALLBACK_SCHEDULED, UUID.randomUUID().toString(),
                    new CallbackScheduled(unowned.callbackId(), ticket.id(), null, "agent-lena", unowned.customer(), due,
                            Instant.now()));
        }

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> given().queryParam("ticketId", ticket.id())
                .get("/api/alerts").then().body("$", hasSize(1)).body("[0].state", equalTo("sent"))
                .body("[0].agentId", equalTo("agent-lena")));
        given().queryParam("ticketId", ticket.id()).get("/api/notifications/scheduled").then()
                .body("state", hasItem("cancelled")).body("reason", hasItem("callback now due " + due + " with agent-lena"));
    }

    @Test
    void r3MovedCallbackMovesTheReminderAndACompletedOneCancelsIt() {
        SpineEvents.Ticket ticket = SpineEvents.ticket("UTC");
        Instant first = Instant.now().plus(Duration.ofMinutes(15)).plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        Instant later = first.plus(Duration.ofHours(2));
        CallbackScheduled moved = callback(ticket.id(), "agent-ivo", first);
        CallbackScheduled done = callback(ticket.id(), "agent-ivo", later);
        try (SpineEvents events = new SpineEvents(mapper, bootstrap)) {
            events.sendCreated(ticket);
            events.send(Topics.TICKETS, ticket.id(), EventTypes.CALLBACK_SCHEDULED, UUID.randomUUID().toString(), moved);
            events.send(Topics.TICKETS, ticket.id(), EventTypes.CALLBACK_SCHEDULED, UUID.randomUUID().toString(),
                    new CallbackScheduled(moved.callbackId(), ticket.id(), null, "agent-ivo", moved.customer(), later,
                            Instant.now()));
            events.send(Topics.TICKETS, ticket.id(), EventTypes.CALLBACK_SCHEDULED, UUID.randomUUID().toString(), done);
            events.send(Topics.TICKETS, ticket.id(), EventTypes.CALLBACK_COMPLETED, UUID.randomUUID().toString(),
                    new CallbackCompleted(done.callbackId(), ticket.id(), "agent-ivo", "reached", Instant.now()));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("ticketId", ticket.id())
                .get("/api/notifications/scheduled").then().body("$", hasSize(3))
                .body("reason", hasItem("callback now due " + later + " with agent-ivo"))
                .body("reason", hasItem("callback completed"))
                .body("state", hasItem("pending")));
        // past the first time's reminder: nothing was sent for the moved callback
        await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> given()
                .queryParam("ticketId", ticket.id()).get("/api/alerts").then().body("$", hasSize(0)));
        assertEquals(0, mailsAbout("#" + ticket.number()).size());
    }

    @Test
    void assigneeIsToldAtTheEightyPercentWarningOfTheirTicketOnce() {
        SpineEvents.Ticket ticket = SpineEvents.ticket("UTC");
        Instant deadline = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        try (SpineEvents events = new SpineEvents(mapper, bootstrap)) {
            events.sendCreated(ticket);
            events.send(Topics.TICKETS, ticket.id(), EventTypes.TICKET_ASSIGNED, UUID.randomUUID().toString(),
                    new TicketAssigned(ticket.id(), "billing", "agent-mara", "Mara Kalnina", Instant.now()));
            // the warning comes on another topic: it must not overtake the assignment (in life it is hours later)
            events.send(Topics.TICKETS, ticket.id(), EventTypes.CALLBACK_SCHEDULED, UUID.randomUUID().toString(),
                    callback(ticket.id(), "agent-mara", deadline.plus(Duration.ofDays(1))));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("ticketId", ticket.id())
                    .get("/api/notifications/scheduled").then().body("$", hasSize(1)));
            SlaWarning warning = new SlaWarning(SpineEvents.clock(ticket.id(), "resolution", deadline), 80, Instant.now());
            events.send(Topics.SLA, ticket.id(), EventTypes.SLA_WARNING, UUID.randomUUID().toString(), warning);
            events.send(Topics.SLA, ticket.id(), EventTypes.SLA_WARNING, UUID.randomUUID().toString(), warning); // re-published
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("ticketId", ticket.id())
                .get("/api/alerts").then().body("$", hasSize(1)).body("[0].state", equalTo("sent"))
                .body("[0].agentId", equalTo("agent-mara")).body("[0].clock", equalTo("resolution")));
        List<MimeMessage> mails = mailsAbout("#" + ticket.number());
        assertEquals(1, mails.size());
        assertEquals("[SLA] agent-mara: ticket #" + ticket.number() + " near its resolution deadline", subject(mails.get(0)));
        assertTrue(body(mails.get(0)).contains("deadline " + deadline), body(mails.get(0)));
    }

    @Test
    void r3CallbackReminderReachesTheOwnersOwnAddressWhenTicketServiceAnnouncedIt() {
        SpineEvents.Ticket ticket = SpineEvents.ticket("UTC");
        String agent = "agent-" + UUID.randomUUID();
        String address = "olga." + agent.substring(6, 14) + "@support.example";
        Instant due = Instant.now().plus(Duration.ofMinutes(15)).plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        try (SpineEvents events = new SpineEvents(mapper, bootstrap)) {
            events.send(Topics.TICKETS, agent, EventTypes.AGENT_CHANGED, UUID.randomUUID().toString(),
                    new AgentChanged(agent, "Olga", address, true, Instant.now()));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/agents/{id}", agent).then()
                    .statusCode(200).body("mailbox", equalTo(address)));
            events.sendCreated(ticket);
            events.send(Topics.TICKETS, ticket.id(), EventTypes.CALLBACK_SCHEDULED, UUID.randomUUID().toString(),
                    callback(ticket.id(), agent, due));
        }

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> given().queryParam("ticketId", ticket.id())
                .get("/api/alerts").then().body("$", hasSize(1)).body("[0].state", equalTo("sent"))
                .body("[0].recipient", equalTo(address)));
        List<MimeMessage> mails = mailsAbout("#" + ticket.number());
        assertEquals(1, mails.size(), "to the owner only, not also to the team mailbox");
        assertEquals(address, recipient(mails.get(0)));
        assertEquals("[Callback] " + agent + ": call back on ticket #" + ticket.number() + " at " + due, subject(mails.get(0)));
    }

    @Test
    void assigneeWarningReachesTheirOwnAddressAndADeletedAgentsGoesToTheAgentSink() {
        SpineEvents.Ticket mine = SpineEvents.ticket("UTC");
        SpineEvents.Ticket gone = SpineEvents.ticket("UTC");
        String agent = "agent-" + UUID.randomUUID();
        String leaver = "agent-" + UUID.randomUUID();
        String address = "mara." + agent.substring(6, 14) + "@support.example";
        Instant deadline = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        try (SpineEvents events = new SpineEvents(mapper, bootstrap)) {
            Instant changed = Instant.now();
            events.send(Topics.TICKETS, agent, EventTypes.AGENT_CHANGED, UUID.randomUUID().toString(),
                    new AgentChanged(agent, "Mara", address, true, changed));
            events.send(Topics.TICKETS, leaver, EventTypes.AGENT_CHANGED, UUID.randomUUID().toString(),
                    new AgentChanged(leaver, "Ivo", "ivo@support.example", true, changed));
            events.send(Topics.TICKETS, leaver, EventTypes.AGENT_CHANGED, UUID.randomUUID().toString(),
                    new AgentChanged(leaver, "Ivo", "ivo@support.example", false, changed.plusMillis(1)));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                given().get("/api/agents/{id}", agent).then().statusCode(200).body("mailbox", equalTo(address));
                given().get("/api/agents/{id}", leaver).then().statusCode(200).body("active", equalTo(false))
                        .body("mailbox", org.hamcrest.Matchers.nullValue());
            });
            assignAndWarn(events, mine, agent, deadline);
            assignAndWarn(events, gone, leaver, deadline);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().queryParam("ticketId", mine.id()).get("/api/alerts").then().body("$", hasSize(1))
                    .body("[0].state", equalTo("sent")).body("[0].recipient", equalTo(address));
            given().queryParam("ticketId", gone.id()).get("/api/alerts").then().body("$", hasSize(1))
                    .body("[0].state", equalTo("sent")).body("[0].recipient", org.hamcrest.Matchers.nullValue());
        });
        assertEquals(List.of(address), mailsAbout("#" + mine.number()).stream().map(AgentNoticeTest::recipient).toList());
        assertEquals(List.of(AGENTS), mailsAbout("#" + gone.number()).stream().map(AgentNoticeTest::recipient).toList());
        given().get("/api/agents/{id}", "agent-never-announced").then().statusCode(404).contentType("application/problem+json");
    }

    /** The ticket assigned to the agent, then its resolution clock's 80 % warning. */
    private static void assignAndWarn(SpineEvents events, SpineEvents.Ticket ticket, String agentId, Instant deadline) {
        events.sendCreated(ticket);
        events.send(Topics.TICKETS, ticket.id(), EventTypes.TICKET_ASSIGNED, UUID.randomUUID().toString(),
                new TicketAssigned(ticket.id(), "billing", agentId, "Someone", Instant.now()));
        // the warning comes on another topic: it must not overtake the assignment (in life it is hours later)
        events.send(Topics.TICKETS, ticket.id(), EventTypes.CALLBACK_SCHEDULED, UUID.randomUUID().toString(),
                callback(ticket.id(), agentId, deadline.plus(Duration.ofDays(1))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("ticketId", ticket.id())
                .get("/api/notifications/scheduled").then().body("$", hasSize(1)));
        events.send(Topics.SLA, ticket.id(), EventTypes.SLA_WARNING, UUID.randomUUID().toString(),
                new SlaWarning(SpineEvents.clock(ticket.id(), "resolution", deadline), 80, Instant.now()));
    }

    private static CallbackScheduled callback(String ticketId, String owner, Instant due) {
        return new CallbackScheduled("cb-" + UUID.randomUUID(), ticketId, null, owner,
                new Identity("phone", "+37120000000", null, "Anna"), due, Instant.now());
    }

    private static List<MimeMessage> mailsAbout(String number) {
        return SmtpServerResource.received().stream().filter(m -> subject(m).contains(number + " ")).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage m) {
        try {
            Address[] to = m.getAllRecipients();
            return to[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage m) {
        try {
            return m.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
