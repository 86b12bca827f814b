package io.supportsuite.devstack.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook body as a provider does for channel-gateway (header {@code X-Signature-256}): for the
 * tests and the benchmark, which act as the providers.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Signature-256";

    private WebhookSignature() {
    }

    /** {@code sha256=<lower-case hex of HMAC-SHA256(secret, body)>}. */
    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sign(String secret, String body) {
        return sign(secret, body.getBytes(StandardCharsets.UTF_8));
    }
}
