package io.supportsuite.tickets;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.common.Identity;
import io.supportsuite.events.ticket.TicketCreated;
import io.supportsuite.events.ticket.TicketMessageAdded;
import jakarta.inject.Inject;

/**
 * C3 beyond e-mail: a message lands on its ticket by the provider's conversation id — a chat session, a social thread,
 * a call — and only on that channel; a new conversation of the same customer is a new ticket of the same customer (C2).
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class ConversationThreadingTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    TicketFixture fixture;

    @BeforeEach
    void open() {
        fixture = new TicketFixture(bootstrap, mapper);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "chat,chat_visitor,", "telegram,social,telegram", "voice,phone," })
    void messageOfTheSameConversationLandsOnItsTicket_C3(String channel, String kind, String network) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Identity sender = new Identity(kind, "phone".equals(kind) ? "+3712" + (1000000 + (int) (Math.random() * 8999999))
                : kind + "-" + tag, network, "Ann " + tag);
        String conversation = "conv-" + tag;
        Mail first = fixture.mail().inConversation(channel, conversation, sender).subject(null).text("Hello, my order " + tag);
        fixture.send(first);
        TicketCreated created = fixture.created(first.storedId());

        Mail second = fixture.mail().inConversation(channel, conversation, sender).subject(null).text("Are you there?");
        fixture.send(second);
        TicketMessageAdded added = fixture.event(Topics.TICKETS, EventTypes.TICKET_MESSAGE_ADDED, TicketMessageAdded.class,
                e -> second.storedId().equals(e.messageId()));
        assertEquals(created.ticketId(), added.ticketId());
        assertEquals(channel, added.channel());
        fixture.ticket(created.ticketId()).body("messages", hasSize(2)).body("messages[1].text", equalTo("Are you there?"));

        // Another conversation of the same sender: a ticket of its own, the same customer.
        Mail later = fixture.mail().inConversation(channel, conversation + "-b", sender).subject(null).text("New question");
        fixture.send(later);
        TicketCreated other = fixture.created(later.storedId());
        assertNotEquals(created.ticketId(), other.ticketId());
        assertEquals(created.customer().customerId(), other.customer().customerId());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "chat,chat_visitor,", "telegram,social,telegram" })
    void theSameConversationIdOnAnotherChannelIsAnotherConversation_C3(String channel, String kind, String network) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String conversation = "conv-" + tag;
        Mail first = fixture.mail().inConversation(channel, conversation, new Identity(kind, kind + "-" + tag, network, "Bo"))
                .subject(null).text("First");
        fixture.send(first);
        TicketCreated created = fixture.created(first.storedId());
        Mail elsewhere = fixture.mail().inConversation("whatsapp", conversation, new Identity("phone", "+3712"
                + (1000000 + (int) (Math.random() * 8999999)), null, "Bo")).subject(null).text("Elsewhere");
        fixture.send(elsewhere);
        assertNotEquals(created.ticketId(), fixture.created(elsewhere.storedId()).ticketId());
    }
}
