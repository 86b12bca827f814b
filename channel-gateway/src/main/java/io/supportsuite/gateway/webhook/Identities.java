package io.supportsuite.gateway.webhook;

import java.util.Locale;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import io.supportsuite.events.common.Identity;

/**
 * Customer identities as every channel publishes them (C2): e-mail lower-cased, phone numbers in E.164,
 * social ids with their network, chat visitors by visitor id, anonymous when nothing is known.
 */
public final class Identities {

    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String SOCIAL = "social";
    public static final String CHAT_VISITOR = "chat_visitor";
    public static final String ANONYMOUS = "anonymous";

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private Identities() {
    }

    public static Identity email(String address, String displayName) {
        return new Identity(EMAIL, address.trim().toLowerCase(Locale.ROOT), null, blankToNull(displayName));
    }

    /** A phone number in E.164, read in {@code defaultRegion} when it has no country code; empty when not a valid number. */
    public static Optional<String> e164(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = PHONES.parse(raw.trim(), defaultRegion);
            return PHONES.isValidNumber(number) ? Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** A phone identity; {@code network} names the messenger that number is reached on (whatsapp), or null for voice/SMS. */
    public static Identity phone(String e164, String network, String displayName) {
        return new Identity(PHONE, e164, network, blankToNull(displayName));
    }

    public static Identity social(String network, String id, String displayName) {
        return new Identity(SOCIAL, id, network, blankToNull(displayName));
    }

    public static Identity chatVisitor(String visitorId, String displayName) {
        return new Identity(CHAT_VISITOR, visitorId, null, blankToNull(displayName));
    }

    public static Identity anonymous(String displayName) {
        return new Identity(ANONYMOUS, null, null, blankToNull(displayName));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
