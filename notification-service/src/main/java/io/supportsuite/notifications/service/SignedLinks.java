package io.supportsuite.notifications.service;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens in the links customers get (survey N5, unsubscribe and re-subscribe N6): the purpose, the subject it
 * acts on and an expiry, signed with HMAC-SHA256. A token whose signature does not match (forged or altered)
 * or whose time is up is refused before anything is read or changed. Pure: the caller passes the time.
 */
public final class SignedLinks {

    public static final String SURVEY = "survey";
    public static final String UNSUBSCRIBE = "unsubscribe";
    public static final String SUBSCRIBE = "subscribe";

    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern FIELD = Pattern.compile("[^~.]*");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a token says: {@code id} is unique per token (a survey id, or a consent link id); {@code locale} is the page language. */
    public record Claims(String purpose, String id, String customerId, String channel, String locale, Instant expiresAt) {
    }

    /** Why a token was refused: {@code forged} (bad format or signature) or {@code expired}. */
    public static final class InvalidLink extends RuntimeException {
        private final String reason;

        InvalidLink(String reason, String detail) {
            super(detail);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private final SecretKeySpec key;

    public SignedLinks(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("The link secret must have at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String sign(Claims claims) {
        for (String field : new String[] { claims.purpose(), claims.id(), claims.customerId(), claims.channel(), claims.locale() }) {
            if (field != null && !FIELD.matcher(field).matches()) {
                throw new IllegalArgumentException("A link field may not contain '~' or '.': " + field);
            }
        }
        String payload = String.join("~", claims.purpose(), claims.id(), nullToEmpty(claims.customerId()),
                nullToEmpty(claims.channel()), nullToEmpty(claims.locale()), Long.toString(claims.expiresAt().getEpochSecond()));
        String body = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return body + "." + ENCODER.encodeToString(mac(body));
    }

    /** The claims of a genuine, unexpired token for {@code purpose}; else {@link InvalidLink}. */
    public Claims verify(String token, String purpose, Instant now) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            throw new InvalidLink("forged", "The link is not one of ours");
        }
        String body = token.substring(0, dot);
        byte[] signature;
        String payload;
        try {
            signature = DECODER.decode(token.substring(dot + 1));
            payload = new String(DECODER.decode(body), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidLink("forged", "The link is not one of ours");
        }
        if (!MessageDigest.isEqual(mac(body), signature)) {
            throw new InvalidLink("forged", "The link's signature does not match");
        }
        String[] fields = payload.split("~", -1);
        if (fields.length != 6 || !purpose.equals(fields[0])) {
            throw new InvalidLink("forged", "The link is not a " + purpose + " link");
        }
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(fields[5]));
        if (!now.isBefore(expiresAt)) {
            throw new InvalidLink("expired", "The link expired at " + expiresAt);
        }
        return new Claims(fields[0], fields[1], emptyToNull(fields[2]), emptyToNull(fields[3]), emptyToNull(fields[4]), expiresAt);
    }

    /**
     * The page language a token asks for, read without trusting it: only to word an error page about that
     * very token (expired, forged) in the customer's language. Null when unreadable.
     */
    public static String localeHint(String token) {
        try {
            String[] fields = new String(DECODER.decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8)
                    .split("~", -1);
            return fields.length == 6 && fields[4].matches("[A-Za-z_-]{2,12}") ? fields[4] : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
