package io.supportsuite.gateway.delivery;

import static io.restassured.RestAssured.given;
import static io.supportsuite.gateway.Fixtures.agentReply;
import static io.supportsuite.gateway.Fixtures.send;
import static io.supportsuite.gateway.Fixtures.unique;
import static io.supportsuite.gateway.SmtpServerResource.header;
import static io.supportsuite.gateway.SmtpServerResource.received;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.devstack.testing.TopicProbe;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.common.Identity;
import io.supportsuite.events.delivery.DeliveryFailed;
import io.supportsuite.events.delivery.DeliverySucceeded;
import io.supportsuite.events.outbound.MessageSend;
import io.supportsuite.gateway.Fixtures;
import io.supportsuite.gateway.SmtpServerResource;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(SmtpServerResource.class)
class EmailDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void anAgentReplyIsMailedThreadedAndReportedOnceAsDeliverySucceeded_C3() throws Exception {
        String ticketId = UUID.randomUUID().toString();
        String key = "reply:" + UUID.randomUUID();
        MessageSend reply = agentReply(ticketId, key, "jane.doe@example.com");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.DELIVERY)) {
            send(probe, reply);

            String messageId = "<" + reply.replyTo().messageId() + ">";
            MimeMessage mail = awaitMail(messageId);
            assertEquals("<" + reply.replyTo().inReplyTo() + ">", header(mail, "In-Reply-To"));
            assertEquals(reply.replyTo().references().stream().map(r -> "<" + r + ">").reduce((a, b) -> a + " " + b).orElseThrow(),
                    header(mail, "References"));
            assertEquals("Re: Printer on fire", mail.getSubject());
            assertEquals("support@support-suite.local", mail.getFrom()[0].toString());
            assertEquals("jane.doe@example.com", mail.getAllRecipients()[0].toString());
            assertEquals("We are on our way.\nThe team", text(mail).replace("\r\n", "\n").strip());

            ConsumerRecord<String, String> event = probe.await(r -> key.equals(r.key()), WAIT);
            assertEquals(EventTypes.DELIVERY_SUCCEEDED, TopicProbe.header(event, "ce_type"));
            assertEquals(ticketId, TopicProbe.header(event, "ce_subject"));
            DeliverySucceeded succeeded = Fixtures.JSON.readValue(event.value(), DeliverySucceeded.class);
            assertEquals(key, succeeded.idempotencyKey());
            assertEquals("agent_reply", succeeded.kind());
            assertEquals(ticketId, succeeded.ticketId());
            assertEquals("email", succeeded.channel());
            assertEquals(reply.replyTo().messageId(), succeeded.providerMessageId());
            assertEquals(1, succeeded.attempts());
        }
        given().header("Accept", "text/plain").get("/q/metrics").then()
                .body(containsString("support_deliveries_total{channel=\"email\",outcome=\"succeeded\",permanent=\"false\""))
                // requested → delivered, per channel, with its histogram for p99 alerts
                .body(containsString("support_delivery_latency_seconds_count{channel=\"email\",outcome=\"succeeded\""))
                .body(containsString("support_delivery_latency_seconds_bucket{channel=\"email\","));
    }

    @Test
    void aRepeatedOrRedeliveredCommandSendsNothingTwice() {
        String ticketId = UUID.randomUUID().toString();
        MessageSend reply = agentReply(ticketId, "reply:" + UUID.randomUUID(), "jane.doe@example.com");
        MessageSend later = agentReply(ticketId, "reply:" + UUID.randomUUID(), "jane.doe@example.com");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.DELIVERY)) {
            String ceId = send(probe, reply);
            probe.await(r -> reply.idempotencyKey().equals(r.key()), WAIT);

            send(probe, reply); // the same command again, as a new event
            probe.send(Topics.OUTBOUND, ticketId, EventTypes.MESSAGE_SEND, ceId, Fixtures.json(reply)); // a redelivery
            send(probe, later); // same ticket, same partition: handled after both copies
            probe.await(r -> later.idempotencyKey().equals(r.key()), WAIT);

            assertEquals(1, received("<" + reply.replyTo().messageId() + ">").size(), "one mail");
            assertEquals(1, Fixtures.withKey(probe, reply.idempotencyKey(), Duration.ofMillis(500)).size(), "one outcome");
        }
        assertEquals(1, Fixtures.count("SELECT count(*) FROM delivery WHERE idempotency_key = '" + reply.idempotencyKey() + "'"));
    }

    @Test
    void anAcknowledgementWithHtmlCarriesBothBodies_N1() throws Exception {
        String ticketId = UUID.randomUUID().toString();
        MessageSend base = agentReply(ticketId, "ack:" + ticketId, "jane.doe@example.com");
        MessageSend ack = new MessageSend(base.idempotencyKey(), "ack", ticketId, base.customerId(), "email", base.recipient(),
                "Re: Printer on fire", "We received your request.", "<p>We received your request.</p>",
                new io.supportsuite.events.common.ThreadRefs("ack-" + ticketId + "@support-suite.local", "c@mail.example",
                        List.of("c@mail.example"), null),
                "en", base.requestedAt());
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.DELIVERY)) {
            send(probe, ack);
            MimeMessage mail = awaitMail("<ack-" + ticketId + "@support-suite.local>");
            assertEquals("<c@mail.example>", header(mail, "References"));
            Multipart parts = (Multipart) mail.getContent();
            List<String> types = new java.util.ArrayList<>();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                types.add(part.getContentType().split(";")[0].toLowerCase());
            }
            assertEquals(List.of("text/plain", "text/html"), types);
            assertEquals(EventTypes.DELIVERY_SUCCEEDED,
                    TopicProbe.header(probe.await(r -> ack.idempotencyKey().equals(r.key()), WAIT), "ce_type"));
        }
    }

    @Test
    void aChannelWithoutASendApiFailsPermanentlyWithoutSending() throws Exception {
        String ticketId = UUID.randomUUID().toString();
        MessageSend base = agentReply(ticketId, "reply:" + UUID.randomUUID(), "jane.doe@example.com");
        MessageSend call = new MessageSend(base.idempotencyKey(), base.kind(), ticketId, base.customerId(), "voice",
                new Identity("phone", "+37491000000", null, null), null, "Hello", null, null, "en", base.requestedAt());
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.DELIVERY)) {
            send(probe, call);
            DeliveryFailed failed = failure(probe.await(r -> call.idempotencyKey().equals(r.key()), WAIT));
            assertTrue(failed.permanent());
            assertEquals("channel voice not supported yet", failed.reason());
            assertEquals("voice", failed.channel());
            assertEquals(1, Fixtures.withKey(probe, call.idempotencyKey(), Duration.ofMillis(500)).size());
        }
    }

    @Test
    void anInvalidRecipientFailsPermanentlyWithoutRetrying() throws Exception {
        String ticketId = UUID.randomUUID().toString();
        MessageSend reply = agentReply(ticketId, "reply:" + UUID.randomUUID(), "not-an-address");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.DELIVERY)) {
            send(probe, reply);
            DeliveryFailed failed = failure(probe.await(r -> reply.idempotencyKey().equals(r.key()), WAIT));
            assertTrue(failed.permanent());
            assertTrue(failed.reason().contains("invalid recipient"), failed.reason());
            assertEquals(0, failed.attempts());
            assertTrue(received("<" + reply.replyTo().messageId() + ">").isEmpty());
        }
    }

    @Test
    void aDeliveryWhoseSenderStoppedMidSendIsSentAndReportedOnce() throws Exception {
        MessageSend reply = agentReply(UUID.randomUUID().toString(), "reply:" + UUID.randomUUID(), "jane.doe@example.com");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.DELIVERY)) {
            // What an instance that died between the claim and the outcome leaves behind: an old claim, no outcome.
            claimedWithoutOutcome(reply, Duration.ofHours(1));

            awaitMail("<" + reply.replyTo().messageId() + ">");
            ConsumerRecord<String, String> event = probe.await(r -> reply.idempotencyKey().equals(r.key()), WAIT);
            assertEquals(EventTypes.DELIVERY_SUCCEEDED, TopicProbe.header(event, "ce_type"));
            // Later resumption rounds find nothing left to send.
            assertEquals(1, Fixtures.withKey(probe, reply.idempotencyKey(), Duration.ofSeconds(3)).size(), "one outcome");
            assertEquals(1, received("<" + reply.replyTo().messageId() + ">").size(), "one mail");
        }
        assertEquals(1, Fixtures.count("SELECT count(*) FROM delivery WHERE status = 'succeeded' AND idempotency_key = '"
                + reply.idempotencyKey() + "'"));
    }

    @Test
    void aClaimTheConsumerStoredIsResumedFromItsCommand() throws Exception {
        MessageSend reply = agentReply(UUID.randomUUID().toString(), "reply:" + UUID.randomUUID(), "jane.doe@example.com");
        String messageId = "<" + reply.replyTo().messageId() + ">";
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.DELIVERY)) {
            send(probe, reply);
            probe.await(r -> reply.idempotencyKey().equals(r.key()), WAIT);
            awaitMail(messageId);

            // Turn the row back into what the consumer's claim alone leaves behind, as if its instance had died
            // mid-send an hour ago: resumption has only the command the consumer stored to send from.
            assertEquals(1, Fixtures.execute("""
                    UPDATE delivery SET status = 'sending', completed_at = NULL, claimed_at = now() - interval '1 hour'
                    WHERE idempotency_key = ?1""", reply.idempotencyKey()));

            await().atMost(WAIT).until(() -> received(messageId).size() == 2);
            MimeMessage again = received(messageId).get(1);
            assertEquals("Re: Printer on fire", again.getSubject());
            assertEquals("jane.doe@example.com", again.getAllRecipients()[0].toString());
            await().atMost(WAIT).until(() -> Fixtures.withKey(probe, reply.idempotencyKey(), Duration.ofMillis(200)).size() >= 2);
            List<ConsumerRecord<String, String>> outcomes = Fixtures.withKey(probe, reply.idempotencyKey(), Duration.ofSeconds(3));
            assertEquals(2, outcomes.size(), "one more outcome, for the resumed send");
            assertEquals(EventTypes.DELIVERY_SUCCEEDED, TopicProbe.header(outcomes.get(1), "ce_type"));
            assertEquals(2, received(messageId).size(), "sent once more, not once per round");
        }
        assertEquals(1, Fixtures.count("SELECT count(*) FROM delivery WHERE status = 'succeeded' AND idempotency_key = '"
                + reply.idempotencyKey() + "'"));
    }

    @Test
    void aDeliveryStillWithinItsRetriesIsNotSentBySomeoneElse() {
        MessageSend reply = agentReply(UUID.randomUUID().toString(), "reply:" + UUID.randomUUID(), "jane.doe@example.com");
        try (TopicProbe probe = new TopicProbe(bootstrap, Topics.DELIVERY)) {
            // Claimed a moment ago by an instance still retrying: resumption rounds (every second here) leave it alone.
            claimedWithoutOutcome(reply, Duration.ofSeconds(1));

            assertTrue(Fixtures.withKey(probe, reply.idempotencyKey(), Duration.ofSeconds(3)).isEmpty(), "no outcome");
            assertTrue(received("<" + reply.replyTo().messageId() + ">").isEmpty(), "no mail");
        }
        assertEquals(1, Fixtures.count("SELECT count(*) FROM delivery WHERE status = 'sending' AND idempotency_key = '"
                + reply.idempotencyKey() + "'"));
    }

    private static void claimedWithoutOutcome(MessageSend command, Duration ago) {
        Fixtures.execute("""
                INSERT INTO delivery (idempotency_key, kind, ticket_id, channel, recipient, status, requested_at, command, claimed_at)
                VALUES (?1, ?2, ?3, 'email', ?4, 'sending', ?5, CAST(CAST(?6 AS text) AS jsonb), now() - CAST(CAST(?7 AS text) AS interval))""",
                command.idempotencyKey(), command.kind(), command.ticketId(), command.recipient().value(), command.requestedAt(),
                Fixtures.json(command), ago.toSeconds() + " seconds");
    }

    static DeliveryFailed failure(ConsumerRecord<String, String> event) throws Exception {
        assertEquals(EventTypes.DELIVERY_FAILED, TopicProbe.header(event, "ce_type"));
        DeliveryFailed failed = Fixtures.JSON.readValue(event.value(), DeliveryFailed.class);
        assertFalse(failed.reason() == null || failed.reason().isBlank());
        return failed;
    }

    private static MimeMessage awaitMail(String messageId) {
        await().atMost(WAIT).until(() -> !received(messageId).isEmpty());
        List<MimeMessage> mails = received(messageId);
        assertEquals(1, mails.size());
        return mails.get(0);
    }

    private static String text(MimeMessage mail) throws Exception {
        Object content = mail.getContent();
        if (content instanceof Multipart parts) {
            return String.valueOf(parts.getBodyPart(0).getContent());
        }
        return String.valueOf(content);
    }
}
