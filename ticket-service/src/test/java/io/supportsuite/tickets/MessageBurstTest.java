package io.supportsuite.tickets;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.ticket.TicketCreated;
import io.supportsuite.events.ticket.TicketMessageAdded;
import jakarta.inject.Inject;

/**
 * A busy hour: many e-mails published at once reach the consumer a poll at a time and are written together.
 * Whatever a poll holds, every message is one ticket, one address is one customer, retries change nothing,
 * a poison record stops nothing, and a reply in the same poll still lands on its ticket (C2, C3, C4).
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class MessageBurstTest {

    static final int SENDERS = 9;
    static final int MAILS = 90;

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

    @Test
    void burstOpensOneTicketPerMessageAndOneCustomerPerAddress_C2_C3_C4() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<Mail> mails = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        for (int i = 0; i < MAILS; i++) {
            int sender = i % SENDERS;
            String address = "burst-" + sender + "-" + tag + "@customer.example";
            // The first round is nameless and upper-cased as written; later mails carry the name.
            Mail mail = i < SENDERS ? fixture.mail().from(address.toUpperCase(Locale.ROOT), null).asWritten()
                    : fixture.mail().from(address, "Sender " + sender);
            mails.add(mail);
            eventIds.add(fixture.send(mail));
            if (i == MAILS / 2) {
                fixture.sendRaw("email:poison-" + tag, "poison-" + tag, "{\"channel\":\"email\"}");
            }
        }
        fixture.send(mails.get(7)); // a provider retry: same message, new event id
        fixture.send(mails.get(8), eventIds.get(8)); // a redelivery: same event id
        Mail reply = fixture.mail().from(mails.get(0).address().toLowerCase(Locale.ROOT), "Sender 0")
                .replyTo(mails.get(0).messageId()).keyedLike(mails.get(MAILS - 1));
        fixture.send(reply);

        Map<Integer, String> customerOf = new HashMap<>();
        Set<Long> numbers = new HashSet<>();
        TicketCreated first = null;
        for (int i = 0; i < MAILS; i++) {
            TicketCreated created = fixture.created(mails.get(i).messageId());
            first = i == 0 ? created : first;
            numbers.add(created.number());
            String customer = customerOf.putIfAbsent(i % SENDERS, created.customer().customerId());
            if (customer != null) {
                assertEquals(customer, created.customer().customerId(), "one customer per address (C2), mail " + i);
            }
        }
        assertEquals(MAILS, numbers.size(), "every ticket has its own number");
        assertEquals(SENDERS, new HashSet<>(customerOf.values()).size());

        TicketMessageAdded added = fixture.event(Topics.TICKETS, EventTypes.TICKET_MESSAGE_ADDED, TicketMessageAdded.class,
                e -> reply.messageId().equals(e.messageId()));
        assertNotNull(first);
        assertEquals(first.ticketId(), added.ticketId(), "the reply threads onto its ticket (C3)");
        assertNotNull(fixture.deadLetter("poison-" + tag), "the poison record is dead-lettered");
        assertEquals(1, fixture.ticketsOpenedBy(mails.get(7).messageId(), TicketFixture.QUIET), "provider retry (C4)");
        assertEquals(1, fixture.ticketsOpenedBy(mails.get(8).messageId(), Duration.ZERO), "redelivery");
        fixture.ticket(first.ticketId())
                .body("customer.name", equalTo("Sender 0"))
                .body("customer.email", equalTo(mails.get(0).address().toLowerCase(Locale.ROOT)))
                .body("messages.messageId", contains(mails.get(0).messageId(), reply.messageId()));
    }
}
