package io.supportsuite.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The signature of the suite's own webhook formats (chat widget, reviews, generic): {@value #TIMESTAMP_HEADER}
 * carries the Unix seconds of sending, {@value #SIGNATURE_HEADER} is {@code sha256=} + hex HMAC-SHA256 of
 * {@code <timestamp>.<raw body>}. Signing the time makes a captured request useless after the replay window.
 */
public final class TimestampedSignature {

    public static final String SIGNATURE_HEADER = "X-Signature-256";
    public static final String TIMESTAMP_HEADER = "X-Signature-Timestamp";
    private static final String SCHEME = "sha256=";

    private TimestampedSignature() {
    }

    public static String sign(String secret, long epochSecond, byte[] body) {
        return SCHEME + Hmac.sha256Hex(secret, signed(epochSecond, body));
    }

    /** @throws WebhookRejection 401 when the signature is missing or wrong, or its time is outside {@code maxAge} of now */
    public static void verify(String secret, String timestamp, String signature, byte[] body, Instant now, Duration maxAge) {
        if (signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank()) {
            throw WebhookRejection.badSignature("The " + SIGNATURE_HEADER + " and " + TIMESTAMP_HEADER + " headers are required");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw WebhookRejection.badSignature(TIMESTAMP_HEADER + " must be Unix seconds");
        }
        if (!Hmac.same(sign(secret, seconds, body), signature)) {
            throw WebhookRejection.badSignature("The " + SIGNATURE_HEADER + " header does not sign this timestamp and body");
        }
        Replay.check(Instant.ofEpochSecond(seconds), now, maxAge);
    }

    private static byte[] signed(long epochSecond, byte[] body) {
        byte[] prefix = (epochSecond + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(body, 0, all, prefix.length, body.length);
        return all;
    }
}
