package io.supportsuite.tickets.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.supportsuite.events.common.ThreadRefs;
import io.supportsuite.tickets.ticket.TicketMessage;

class ThreadingTest {

    private static final String DOMAIN = "support-suite.local";

    @Test
    void messageIdsAreComparedWithoutAngleBrackets_C3() {
        assertEquals("abc@mail.example", Threading.normalise(" <abc@mail.example> "));
        assertEquals("abc@mail.example", Threading.normalise("abc@mail.example"));
        assertNull(Threading.normalise("<>"));
        assertNull(Threading.normalise("  "));
        assertNull(Threading.normalise(null));
    }

    @Test
    void aMessageAnswersItsInReplyToFirstThenItsReferencesNearestFirst_C3() {
        ThreadRefs thread = new ThreadRefs("c@x", "<b@x>", List.of("a@x", "b@x"), null);
        assertEquals(List.of("b@x", "a@x"), Threading.referencedIds(thread));
        assertEquals(List.of("a@x"), Threading.referencedIds(new ThreadRefs("c@x", null, List.of("a@x", "c@x"), null)));
        assertEquals(List.of(), Threading.referencedIds(new ThreadRefs("c@x", null, null, null)));
        assertEquals(List.of(), Threading.referencedIds(null));
    }

    @Test
    void anAcknowledgementIdNamesItsTicket_C3() {
        UUID ticket = UUID.randomUUID();
        assertEquals(Optional.of(ticket), Threading.ackTicket("ack-" + ticket + "@support-suite.local", DOMAIN));
        assertEquals(Optional.of(ticket), Threading.ackTicket("<ACK-" + ticket.toString().toUpperCase() + "@Support-Suite.Local>", DOMAIN));
        assertEquals(Optional.empty(), Threading.ackTicket("ack-" + ticket + "@elsewhere.example", DOMAIN));
        assertEquals(Optional.empty(), Threading.ackTicket("ack-42@support-suite.local", DOMAIN));
        assertEquals(Optional.empty(), Threading.ackTicket(ticket + "@support-suite.local", DOMAIN));
        assertEquals(Optional.empty(), Threading.ackTicket(null, DOMAIN));
    }

    @Test
    void aReplyReferencesTheParentsChainThenTheParent_C3() {
        TicketMessage parent = new TicketMessage();
        parent.messageId = "c@x";
        parent.inReplyTo = "b@x";
        parent.references(List.of("a@x", "b@x"));
        assertEquals(List.of("a@x", "b@x", "c@x"), Threading.replyChain(parent));

        TicketMessage first = new TicketMessage();
        first.messageId = "a@x";
        assertEquals(List.of("a@x"), Threading.replyChain(first));
        assertEquals(List.of(), Threading.replyChain(null));
    }

    @Test
    void ourMessageIdsAreTheMessageUuidAtOurDomain() {
        UUID id = UUID.fromString("6f1c1f5e-0000-4000-8000-000000000001");
        assertEquals("6f1c1f5e-0000-4000-8000-000000000001@support-suite.local", Threading.newMessageId(id, DOMAIN));
    }
}
