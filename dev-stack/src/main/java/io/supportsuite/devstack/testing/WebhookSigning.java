package io.supportsuite.devstack.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a provider signs a webhook for channel-gateway, for tests and load drivers acting as the provider:
 * header {@value #HEADER} = {@code sha256=} + lower-case hex of HMAC-SHA256(secret, the raw body bytes).
 * Sign exactly the bytes that are sent.
 */
public final class WebhookSigning {

    public static final String HEADER = "X-Signature-256";
    /** The e-mail webhook's secret when GATEWAY_EMAIL_SECRET is not set. */
    public static final String DEFAULT_EMAIL_SECRET = "dev-email-secret";

    private WebhookSigning() {
    }

    public static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String signature(String secret, String body) {
        return signature(secret, body.getBytes(StandardCharsets.UTF_8));
    }
}
