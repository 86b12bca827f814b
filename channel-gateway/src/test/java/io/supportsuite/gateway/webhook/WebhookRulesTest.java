package io.supportsuite.gateway.webhook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The replay window, the suite's timestamped signature and phone normalisation, without a running service. */
class WebhookRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:15:00Z");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final byte[] BODY = "{\"event\":\"chat.requested\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignatureUpToFiveMinutesOldOrAheadIsFreshAndOneSecondMoreIsAReplay() {
        assertDoesNotThrow(() -> Replay.check(NOW.minus(FIVE_MINUTES), NOW, FIVE_MINUTES));
        assertDoesNotThrow(() -> Replay.check(NOW.plus(FIVE_MINUTES), NOW, FIVE_MINUTES));
        assertEquals(WebhookRejection.STALE,
                assertThrows(WebhookRejection.class, () -> Replay.check(NOW.minus(FIVE_MINUTES).minusSeconds(1), NOW, FIVE_MINUTES))
                        .reason());
        assertEquals(401, assertThrows(WebhookRejection.class,
                () -> Replay.check(NOW.plus(FIVE_MINUTES).plusSeconds(1), NOW, FIVE_MINUTES)).status());
    }

    @Test
    void theTimestampedSignatureCoversTheTimeAndTheBody() {
        long at = NOW.getEpochSecond();
        String signature = TimestampedSignature.sign("secret", at, BODY);
        assertDoesNotThrow(() -> TimestampedSignature.verify("secret", String.valueOf(at), signature, BODY, NOW, FIVE_MINUTES));
        // Moving the signed time forward to dodge the replay window breaks the signature.
        assertEquals(WebhookRejection.BAD_SIGNATURE, assertThrows(WebhookRejection.class,
                () -> TimestampedSignature.verify("secret", String.valueOf(at + 60), signature, BODY, NOW, FIVE_MINUTES)).reason());
        assertEquals(WebhookRejection.BAD_SIGNATURE, assertThrows(WebhookRejection.class,
                () -> TimestampedSignature.verify("secret", String.valueOf(at), signature, "{}".getBytes(StandardCharsets.UTF_8), NOW,
                        FIVE_MINUTES)).reason());
        assertEquals(WebhookRejection.BAD_SIGNATURE, assertThrows(WebhookRejection.class,
                () -> TimestampedSignature.verify("other", String.valueOf(at), signature, BODY, NOW, FIVE_MINUTES)).reason());
        assertEquals(WebhookRejection.BAD_SIGNATURE, assertThrows(WebhookRejection.class,
                () -> TimestampedSignature.verify("secret", "yesterday", signature, BODY, NOW, FIVE_MINUTES)).reason());
        assertEquals(WebhookRejection.BAD_SIGNATURE, assertThrows(WebhookRejection.class,
                () -> TimestampedSignature.verify("secret", null, signature, BODY, NOW, FIVE_MINUTES)).reason());
        String old = TimestampedSignature.sign("secret", at - 301, BODY);
        assertEquals(WebhookRejection.STALE, assertThrows(WebhookRejection.class,
                () -> TimestampedSignature.verify("secret", String.valueOf(at - 301), old, BODY, NOW, FIVE_MINUTES)).reason());
    }

    @Test
    void phoneNumbersBecomeE164_C2() {
        assertEquals(Optional.of("+37491234567"), Identities.e164("+374 91 234567", "US"));
        assertEquals(Optional.of("+37491234567"), Identities.e164("+374-91-23-45-67", "US"));
        assertEquals(Optional.of("+14155552671"), Identities.e164("(415) 555-2671", "US"));
        assertEquals(Optional.of("+306912345678"), Identities.e164("691 234 5678", "GR"));
        assertEquals(Optional.of("+37120012345"), Identities.e164("0037120012345", "DE"));
        assertEquals(Optional.empty(), Identities.e164("12", "US"));
        assertEquals(Optional.empty(), Identities.e164("not a number", "US"));
        assertEquals(Optional.empty(), Identities.e164(null, "US"));
    }

    @Test
    void anEmailIdentityIsLowerCasedAndKeepsItsName_C2() {
        assertEquals("jane.doe@example.com", Identities.email(" Jane.Doe@Example.COM ", "Jane").value());
        assertEquals("Jane", Identities.email("jane@example.com", " Jane ").displayName());
    }
}
