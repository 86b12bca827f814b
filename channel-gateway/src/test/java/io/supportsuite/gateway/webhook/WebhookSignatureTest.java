package io.supportsuite.gateway.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.supportsuite.devstack.testing.WebhookSigning;

class WebhookSignatureTest {

    private static final String SECRET = "s3cret";
    private static final byte[] BODY = "{\"from\":\"a@b.c\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theProvidersSignatureOverTheRawBodyIsAccepted() {
        assertTrue(WebhookSignature.verify(SECRET, BODY, WebhookSigning.signature(SECRET, BODY)));
    }

    @Test
    void upperCaseHexAndSurroundingSpaceAreTolerated() {
        String signature = WebhookSigning.signature(SECRET, BODY);
        assertTrue(WebhookSignature.verify(SECRET, BODY, "  SHA256=" + signature.substring(7).toUpperCase() + " "));
    }

    @Test
    void aKnownVectorMatches() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        assertTrue(WebhookSignature.verify("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII),
                "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    }

    @Test
    void anythingElseIsRefused() {
        String good = WebhookSigning.signature(SECRET, BODY);
        assertFalse(WebhookSignature.verify(SECRET, BODY, null));
        assertFalse(WebhookSignature.verify(SECRET, BODY, ""));
        assertFalse(WebhookSignature.verify("other", BODY, good), "other secret");
        assertFalse(WebhookSignature.verify(SECRET, "{\"from\":\"a@b.d\"}".getBytes(StandardCharsets.UTF_8), good), "other body");
        assertFalse(WebhookSignature.verify(SECRET, BODY, good.substring(7)), "no scheme");
        assertFalse(WebhookSignature.verify(SECRET, BODY, "sha1=" + good.substring(7)), "other scheme");
        assertFalse(WebhookSignature.verify(SECRET, BODY, "sha256=xyz"), "not hex");
        assertFalse(WebhookSignature.verify(SECRET, BODY, good.substring(0, good.length() - 2)), "truncated");
    }
}
