package io.supportsuite.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The keyed hashes providers sign with, and a comparison that takes the same time wherever the values differ. */
public final class Hmac {

    public static final String SHA256 = "HmacSHA256";
    public static final String SHA1 = "HmacSHA1";

    private Hmac() {
    }

    public static byte[] of(String algorithm, String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    public static String sha256Hex(String secret, byte[] data) {
        return HexFormat.of().formatHex(of(SHA256, secret, data));
    }

    public static String sha256Base64(String secret, byte[] data) {
        return Base64.getEncoder().encodeToString(of(SHA256, secret, data));
    }

    public static String sha1Base64(String secret, byte[] data) {
        return Base64.getEncoder().encodeToString(of(SHA1, secret, data));
    }

    /** True when both are present and equal; the time taken does not depend on where they differ. */
    public static boolean same(String expected, String claimed) {
        if (expected == null || claimed == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), claimed.trim().getBytes(StandardCharsets.UTF_8));
    }
}
