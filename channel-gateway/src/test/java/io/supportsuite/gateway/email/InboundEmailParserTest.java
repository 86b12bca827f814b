package io.supportsuite.gateway.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.supportsuite.events.common.ThreadRefs;
import io.supportsuite.events.inbound.MessageReceived;
import io.supportsuite.gateway.email.InboundEmailParser.InboundEmail;
import io.supportsuite.gateway.webhook.WebhookRejection;
import io.supportsuite.runtime.problem.Problem;

class InboundEmailParserTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aNamedSenderIsSplitIntoALowerCasedAddressAndADisplayName_C2() {
        MessageReceived m = parse("{\"from\":\"\\\"Doe, Jane\\\" <Jane.Doe@Example.COM>\",\"message-id\":\"<a@x>\","
                + "\"received-at\":\"2026-03-02T09:15:00Z\",\"text\":\"hi\"}").message();
        assertEquals("jane.doe@example.com", m.sender().value());
        assertEquals("Doe, Jane", m.sender().displayName());
        assertEquals("email", m.sender().kind());
        assertNull(m.sender().network());
    }

    @Test
    void messageIdsLoseTheirAngleBrackets_C3() {
        InboundEmail email = parse("{\"from\":\"a@b.c\",\"message-id\":\" <m@x> \",\"in-reply-to\":\"<p@x>\","
                + "\"references\":\"<r@x>\\n <p@x>\",\"received-at\":\"2026-03-02T09:15:00Z\",\"html\":\"<b>hi</b>\"}");
        assertEquals(new ThreadRefs("m@x", "p@x", List.of("r@x", "p@x"), null), email.message().thread());
        assertEquals("m@x", email.message().providerMessageId());
        assertEquals("email:r@x", email.conversationKey());
    }

    @Test
    void theThreadRootIsTheFirstReferenceElseTheParentElseTheMessage_C3() {
        assertEquals("email:r@x", InboundEmailParser.conversationKey(new ThreadRefs("m@x", "p@x", List.of("r@x", "p@x"), null)));
        assertEquals("email:p@x", InboundEmailParser.conversationKey(new ThreadRefs("m@x", "p@x", List.of(), null)));
        assertEquals("email:m@x", InboundEmailParser.conversationKey(new ThreadRefs("m@x", null, List.of(), null)));
    }

    @Test
    void referencesMayBeAnArrayOrBareSpaceSeparatedIds() {
        assertEquals(List.of("r@x", "p@x"), parse(valid("\"references\":[\"<r@x>\",\"p@x\",\"<r@x>\"]")).message().thread().references());
        assertEquals(List.of("r@x", "p@x"), parse(valid("\"references\":\"r@x p@x\"")).message().thread().references());
        assertEquals(List.of(), parse(valid("\"references\":null")).message().thread().references());
    }

    @Test
    void aReceivedAtWithAnOffsetIsReadAsAnInstant() {
        String json = "{\"from\":\"a@b.c\",\"message-id\":\"m@x\",\"text\":\"t\",\"received-at\":\"2026-03-02T11:15:00+02:00\"}";
        assertEquals(Instant.parse("2026-03-02T09:15:00Z"), parse(json).message().receivedAt());
    }

    @Test
    void recipientsMayBeAListOrACommaSeparatedString() {
        assertEquals(List.of("a@x.org", "b@y.org"), parse(valid("\"to\":\"A <A@x.org>, b@y.org\"")).message().recipients());
        assertEquals(List.of("a@x.org"), parse(valid("\"to\":[\"a@x.org\"]")).message().recipients());
    }

    @Test
    void everyInvalidFieldIsNamed() {
        WebhookRejection e = assertThrows(WebhookRejection.class, () -> parse(
                "{\"from\":\"nobody\",\"message-id\":\"<a@x> <b@x>\",\"received-at\":\"soon\",\"to\":5,\"subject\":[],"
                        + "\"references\":{}}"));
        assertEquals(422, e.status());
        assertEquals(List.of("from", "to", "subject", "text", "message-id", "references", "received-at"),
                e.toProblem().errors().stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void requiredFieldsMustBePresent() {
        WebhookRejection e = assertThrows(WebhookRejection.class, () -> parse("{\"text\":\"hi\"}"));
        assertEquals(List.of("from", "message-id", "received-at"),
                e.toProblem().errors().stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void addressesThatAreNotAddressesAreRefused() {
        for (String bad : List.of("", "jane", "@example.com", "jane@", "jane doe@example.com", "jane@exa mple.com",
                "Jane <>", "a@b@c")) {
            assertEquals(java.util.Optional.empty(), MailAddress.parse(bad), bad);
        }
        assertEquals("jane+tag@mail.example.com", MailAddress.parse("JANE+tag@Mail.Example.com").orElseThrow().address());
        assertEquals("root@localhost", MailAddress.parse("root@localhost").orElseThrow().address());
    }

    private static String valid(String extra) {
        return "{\"from\":\"a@b.c\",\"message-id\":\"m@x\",\"text\":\"t\",\"received-at\":\"2026-03-02T09:15:00Z\"," + extra + "}";
    }

    private static InboundEmail parse(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            return InboundEmailParser.parse(node);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
