package io.supportsuite.gateway;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.restassured.response.Response;
import io.supportsuite.devstack.testing.Reactive;
import io.supportsuite.devstack.testing.TopicProbe;
import io.supportsuite.devstack.testing.WebhookSigning;
import io.supportsuite.events.common.Identity;
import io.supportsuite.events.common.ThreadRefs;
import io.supportsuite.events.outbound.MessageSend;

/** The one fixture builder of the gateway's tests: webhook bodies, signed posts, outbound commands, table counts. */
public final class Fixtures {

    public static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** A valid inbound e-mail as the provider posts it; tests change or remove keys from it. */
    public static Map<String, Object> inboundEmail(String messageId) {
        Map<String, Object> email = new LinkedHashMap<>();
        email.put("from", "Jane Doe <Jane.Doe@Example.COM>");
        email.put("to", "support@support-suite.local");
        email.put("subject", "Printer on fire " + messageId);
        email.put("text", "It is burning.");
        email.put("html", "<p>It is burning.</p>");
        email.put("message-id", "<" + messageId + ">");
        email.put("received-at", "2026-03-02T09:15:00Z");
        return email;
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts {@code body} signed with the default e-mail secret, as the provider would. */
    public static Response postSigned(String body) {
        return postSigned(body.getBytes(StandardCharsets.UTF_8));
    }

    public static Response postSigned(byte[] body) {
        return post(body, WebhookSigning.signature(WebhookSigning.DEFAULT_EMAIL_SECRET, body));
    }

    /** Posts {@code body} with the given signature header (none when null). */
    public static Response post(byte[] body, String signature) {
        var request = given().contentType("application/json").body(body);
        if (signature != null) {
            request.header(WebhookSigning.HEADER, signature);
        }
        return request.post("/webhooks/email");
    }

    /** An agent reply as ticket-service commands it. */
    public static MessageSend agentReply(String ticketId, String idempotencyKey, String to) {
        String customerMessage = unique("customer") + "@mail.example";
        return new MessageSend(idempotencyKey, "agent_reply", ticketId, unique("customer"), "email",
                new Identity("email", to, null, "Jane Doe"), "Re: Printer on fire", "We are on our way.\nThe team", null,
                new ThreadRefs(UUID.randomUUID() + "@support-suite.local", customerMessage,
                        List.of("root-" + customerMessage, customerMessage), null),
                "en", Instant.parse("2026-03-02T10:00:00Z"));
    }

    /** Puts a command on support.outbound.v1 as ticket-service's outbox would (key = ticket id). */
    public static String send(TopicProbe probe, MessageSend command) {
        return probe.send(io.supportsuite.events.Topics.OUTBOUND, command.ticketId(),
                io.supportsuite.events.EventTypes.MESSAGE_SEND, UUID.randomUUID().toString(), json(command));
    }

    /** Records of {@code probe} whose key is {@code key}, after polling for {@code quiet}. */
    public static List<ConsumerRecord<String, String>> withKey(TopicProbe probe, String key, Duration quiet) {
        return probe.drain(quiet).stream().filter(r -> key.equals(r.key())).toList();
    }

    /** Runs one statement in a transaction of its own; {@code params} fill :1, :2, ... in order. */
    public static int execute(String sql, Object... params) {
        return Reactive.await(() -> Panache.withTransaction(() -> Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.executeUpdate();
        })));
    }

    public static long count(String sql) {
        return Reactive.await(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery(sql, Long.class).getSingleResult())));
    }

    /** Records on {@code probe}'s topics whose body contains {@code needle}, once at least one arrived. */
    public static List<ConsumerRecord<String, String>> published(TopicProbe probe, String needle) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> probe.drain(Duration.ofMillis(200)).stream().anyMatch(r -> r.value().contains(needle)));
        return probe.drain(Duration.ofMillis(500)).stream().filter(r -> r.value().contains(needle)).toList();
    }

    /** A refused webhook is answered before anything is published: a short look confirms nothing carries {@code needle}. */
    public static boolean nothingPublished(TopicProbe probe, String needle) {
        return probe.drain(Duration.ofSeconds(1)).stream().noneMatch(r -> r.value().contains(needle));
    }

    public static <T> T read(ConsumerRecord<String, String> record, Class<T> type) {
        try {
            return JSON.readValue(record.value(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs as the suite's own formats (chat, reviews, generic) require: HMAC over "<unix seconds>.<body>". */
    public static io.restassured.specification.RequestSpecification signedAt(String secret, Instant at, String body) {
        long seconds = at.getEpochSecond();
        return given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8))
                .header("X-Signature-Timestamp", String.valueOf(seconds))
                .header("X-Signature-256", io.supportsuite.gateway.webhook.TimestampedSignature.sign(secret, seconds,
                        body.getBytes(StandardCharsets.UTF_8)));
    }

    /** A keyed hash computed here, independently of the gateway's code, as a provider computes it. */
    public static byte[] hmac(String algorithm, String secret, String data) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance(algorithm);
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String base64(byte[] bytes) {
        return java.util.Base64.getEncoder().encodeToString(bytes);
    }

    public static long receipts(String providerMessageId) {
        return count("SELECT count(*) FROM webhook_receipt WHERE provider_message_id = '" + providerMessageId.replace("'", "''") + "'");
    }

    public static int execute(String sql) {
        return Reactive.await(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery(sql).executeUpdate())));
    }
}
