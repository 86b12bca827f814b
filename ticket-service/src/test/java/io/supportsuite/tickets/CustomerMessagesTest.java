package io.supportsuite.tickets;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
import io.supportsuite.events.common.Identity;
import io.supportsuite.events.ticket.TicketCreated;
import io.supportsuite.events.ticket.TicketMessageAdded;
import io.supportsuite.events.ticket.TicketStatusChanged;
import jakarta.inject.Inject;

/** Customer e-mails from support.inbound.v1 becoming tickets, or landing on theirs (C2, C3, C4, R5). */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class CustomerMessagesTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @Inject
    MovableClock clock;

    TicketFixture fixture;

    @BeforeEach
    void open() {
        fixture = new TicketFixture(bootstrap, mapper);
    }

    @AfterEach
    void close() {
        clock.reset();
        fixture.close();
    }

    @Test
    void newEmailOpensTicketForNewCustomerAndAnnouncesIt_C2() {
        Instant before = Instant.now();
        Mail mail = fixture.mail().from("Ann.Lee@Customer.Example", "Ann Lee");
        fixture.send(mail);

        ConsumerRecord<String, String> record = fixture.record(Topics.TICKETS, EventTypes.TICKET_CREATED, TicketCreated.class,
                e -> mail.messageId().equals(e.messageId()));
        TicketCreated created = fixture.event(Topics.TICKETS, EventTypes.TICKET_CREATED, TicketCreated.class,
                e -> mail.messageId().equals(e.messageId()));
        assertEquals(created.ticketId(), record.key(), "keyed by ticket id");
        assertEquals(created.ticketId(), TopicProbe.header(record, "ce_subject"));
        assertEquals("/ticket-service", TopicProbe.header(record, "ce_source"));
        UUID.fromString(created.ticketId());
        assertTrue(created.number() > 0);
        assertEquals(mail.subject(), created.subject());
        assertEquals("email", created.channel());
        assertEquals("new", created.status());
        assertEquals("normal", created.priority());
        assertNull(created.team());
        assertNull(created.assigneeId());
        assertFalse(created.createdAt().isBefore(before.minusSeconds(1)));
        assertEquals(mail.messageId(), created.thread().messageId());
        assertNull(created.thread().inReplyTo());
        assertEquals(List.of(), created.thread().references());
        UUID.fromString(created.customer().customerId());
        assertEquals("Ann Lee", created.customer().name());
        assertEquals("en", created.customer().locale());
        assertEquals("UTC", created.customer().timeZone());
        assertEquals("standard", created.customer().segment());
        assertEquals(List.of(new Identity("email", "ann.lee@customer.example", null, "Ann Lee")), created.customer().identities());

        fixture.ticket(created.ticketId()).statusCode(200)
                .body("id", equalTo(created.ticketId()))
                .body("number", equalTo((int) created.number()))
                .body("status", equalTo("new"))
                .body("priority", equalTo("normal"))
                .body("channel", equalTo("email"))
                .body("customer.id", equalTo(created.customer().customerId()))
                .body("customer.name", equalTo("Ann Lee"))
                .body("customer.email", equalTo("ann.lee@customer.example"))
                .body("messages", hasSize(1))
                .body("messages[0].direction", equalTo("inbound"))
                .body("messages[0].authorType", equalTo("customer"))
                .body("messages[0].author", equalTo("Ann Lee"))
                .body("messages[0].text", equalTo(mail.text))
                .body("messages[0].html", equalTo(mail.html))
                .body("messages[0].messageId", equalTo(mail.messageId()));
    }

    @Test
    void redeliveredEventOpensNoSecondTicket_C4() {
        Mail mail = fixture.mail();
        String ceId = fixture.send(mail);
        fixture.send(mail, ceId);
        TicketCreated created = fixture.created(mail.messageId());
        // Same key, so the same partition: once this later mail has its ticket, the redelivery was handled.
        Mail later = fixture.mail().keyedLike(mail);
        fixture.newTicket(later);

        assertEquals(1, fixture.events(EventTypes.TICKET_CREATED, created.ticketId(), TicketCreated.class, Duration.ZERO).size());
        assertEquals(1, fixture.ticketsOpenedBy(mail.messageId(), Duration.ZERO));
        fixture.ticket(created.ticketId()).body("messages", hasSize(1));
    }

    @Test
    void providerRetryUnderNewEventIdStoresTheMessageOnce_C4() {
        Mail mail = fixture.mail();
        fixture.send(mail);
        TicketCreated created = fixture.created(mail.messageId());
        fixture.send(mail); // the gateway published the same provider message again, with a new ce_id
        Mail marker = fixture.mail().replyTo(mail.messageId());
        fixture.send(marker);
        fixture.event(Topics.TICKETS, EventTypes.TICKET_MESSAGE_ADDED, TicketMessageAdded.class,
                e -> marker.messageId().equals(e.messageId()));

        assertEquals(1, fixture.ticketsOpenedBy(mail.messageId(), Duration.ZERO));
        fixture.ticket(created.ticketId()).body("messages.messageId", contains(mail.messageId(), marker.messageId()));
    }

    @Test
    void sameAddressInNewThreadIsSameCustomerWithNewTicket_C2() {
        Mail first = fixture.mail();
        TicketCreated one = fixture.newTicket(first);
        Mail second = fixture.mail().from(first.address().toUpperCase(), "Ann Example").asWritten();
        TicketCreated two = fixture.newTicket(second);

        assertNotEquals(one.ticketId(), two.ticketId());
        assertEquals(one.customer().customerId(), two.customer().customerId());
        assertEquals(first.address(), two.customer().identities().get(0).value(), "e-mail lower-cased");
        assertTrue(two.number() > one.number());
    }

    @Test
    void replyEmailLandsOnItsTicket_C3() {
        Mail first = fixture.mail();
        TicketCreated created = fixture.newTicket(first);
        Mail reply = fixture.mail().from(first.address(), "Ann Example").replyTo(first.messageId()).text("Any news?");
        fixture.send(reply);

        ConsumerRecord<String, String> record = fixture.record(Topics.TICKETS, EventTypes.TICKET_MESSAGE_ADDED,
                TicketMessageAdded.class, e -> reply.messageId().equals(e.messageId()));
        TicketMessageAdded added = fixture.event(Topics.TICKETS, EventTypes.TICKET_MESSAGE_ADDED, TicketMessageAdded.class,
                e -> reply.messageId().equals(e.messageId()));
        assertEquals(created.ticketId(), record.key());
        assertEquals(created.ticketId(), added.ticketId());
        assertEquals("email", added.channel());
        assertEquals("new", added.status());
        assertFalse(added.reopened());
        assertEquals(first.messageId(), added.thread().inReplyTo());
        assertEquals(List.of(first.messageId()), added.thread().references());
        fixture.ticket(created.ticketId()).body("messages", hasSize(2))
                .body("messages[1].text", equalTo("Any news?"))
                .body("messages[1].direction", equalTo("inbound"));
        assertEquals(0, fixture.ticketsOpenedBy(reply.messageId(), TicketFixture.QUIET));
    }

    @Test
    void answerToTheAcknowledgementLandsOnItsTicket_C3() {
        TicketCreated created = fixture.newTicket();
        // The acknowledgement of notification-service carries ack-<ticketId>@support-suite.local.
        String ack = "ack-" + created.ticketId() + "@support-suite.local";
        Mail answer = fixture.mail().references(ack).text("Thanks, waiting.");
        fixture.send(answer);

        TicketMessageAdded added = fixture.event(Topics.TICKETS, EventTypes.TICKET_MESSAGE_ADDED, TicketMessageAdded.class,
                e -> answer.messageId().equals(e.messageId()));
        assertEquals(created.ticketId(), added.ticketId());
        fixture.ticket(created.ticketId()).body("messages", hasSize(2));
    }

    @Test
    void replyToClosedTicketOpensNewLinkedTicket_C3() {
        Mail first = fixture.mail();
        TicketCreated old = fixture.newTicket(first);
        fixture.status(old.ticketId(), "solved", null).statusCode(200);
        fixture.status(old.ticketId(), "closed", null).statusCode(200);
        Mail reply = fixture.mail().from(first.address(), "Ann Example").replyTo(first.messageId()).text("It broke again.");
        TicketCreated next = fixture.newTicket(reply);

        assertNotEquals(old.ticketId(), next.ticketId());
        assertEquals(old.customer().customerId(), next.customer().customerId());
        assertEquals(first.messageId(), next.thread().inReplyTo());
        fixture.ticket(next.ticketId()).body("followUpOf", equalTo(old.ticketId())).body("status", equalTo("new"));
        fixture.ticket(old.ticketId()).body("status", equalTo("closed")).body("messages", hasSize(1));
    }

    @Test
    void customerWritingAgainReopensPendingTicket_R5() {
        Mail first = fixture.mail();
        TicketCreated created = fixture.newTicket(first);
        fixture.status(created.ticketId(), "pending", "agent-7").statusCode(200);
        Mail answer = fixture.mail().replyTo(first.messageId()).text("Here is the photo you asked for.");
        fixture.send(answer);

        TicketMessageAdded added = fixture.event(Topics.TICKETS, EventTypes.TICKET_MESSAGE_ADDED, TicketMessageAdded.class,
                e -> answer.messageId().equals(e.messageId()));
        assertEquals("open", added.status());
        assertFalse(added.reopened());
        TicketStatusChanged changed = fixture.event(Topics.TICKETS, EventTypes.TICKET_STATUS_CHANGED, TicketStatusChanged.class,
                e -> created.ticketId().equals(e.ticketId()) && "pending".equals(e.from()));
        assertEquals("open", changed.to());
        assertNull(changed.actor(), "the customer, not an agent");
        assertNotNull(changed.reason());
        fixture.ticket(created.ticketId()).body("status", equalTo("open"));
    }

    @Test
    void replyToSolvedTicketReopensWithinSevenDays_C3() {
        Mail first = fixture.mail();
        TicketCreated created = fixture.newTicket(first);
        fixture.status(created.ticketId(), "solved", null).statusCode(200);
        clock.advance(Duration.ofDays(6));
        Mail reply = fixture.mail().replyTo(first.messageId()).text("Still broken.");
        fixture.send(reply);

        TicketMessageAdded added = fixture.event(Topics.TICKETS, EventTypes.TICKET_MESSAGE_ADDED, TicketMessageAdded.class,
                e -> reply.messageId().equals(e.messageId()));
        assertEquals(created.ticketId(), added.ticketId());
        assertTrue(added.reopened());
        assertEquals("open", added.status());
        TicketStatusChanged changed = fixture.event(Topics.TICKETS, EventTypes.TICKET_STATUS_CHANGED, TicketStatusChanged.class,
                e -> created.ticketId().equals(e.ticketId()) && "solved".equals(e.from()));
        assertEquals("open", changed.to());
        fixture.ticket(created.ticketId()).body("status", equalTo("open")).body("solvedAt", equalTo(null));
    }

    @Test
    void replyToTicketSolvedMoreThanSevenDaysAgoOpensLinkedFollowUp_C3() {
        Mail first = fixture.mail();
        TicketCreated old = fixture.newTicket(first);
        fixture.status(old.ticketId(), "solved", null).statusCode(200);
        clock.advance(Duration.ofDays(8));
        Mail reply = fixture.mail().replyTo(first.messageId()).text("Broken again, a week later.");
        TicketCreated followUp = fixture.newTicket(reply);

        assertNotEquals(old.ticketId(), followUp.ticketId());
        fixture.ticket(followUp.ticketId()).body("followUpOf", equalTo(old.ticketId()));
        // Not reopened; by now the auto-close job may have closed it (solved more than the reopen window ago).
        fixture.ticket(old.ticketId()).body("status", org.hamcrest.Matchers.oneOf("solved", "closed")).body("messages", hasSize(1));
    }

    @Test
    void messageWithoutSenderGoesToDeadLetterTopicAndOpensNothing_C4() {
        String ceId = UUID.randomUUID().toString();
        String messageId = ceId + "@mail.customer.example";
        String key = "email:" + messageId;
        fixture.sendRaw(key, ceId, "{\"channel\":\"email\",\"providerMessageId\":\"" + messageId + "\","
                + "\"thread\":{\"messageId\":\"" + messageId + "\"},\"subject\":\"no sender\"}");

        ConsumerRecord<String, String> dead = fixture.deadLetter(ceId);
        assertEquals(key, dead.key());
        assertEquals(0, fixture.ticketsOpenedBy(messageId, TicketFixture.QUIET));
    }
}
