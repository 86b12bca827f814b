package io.supportsuite.gateway.form;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.supportsuite.events.Channels;
import io.supportsuite.events.common.Identity;
import io.supportsuite.events.common.ThreadRefs;
import io.supportsuite.events.inbound.MessageReceived;
import io.supportsuite.gateway.email.MailAddress;
import io.supportsuite.gateway.webhook.Identities;
import io.supportsuite.gateway.webhook.InboundItem;
import io.supportsuite.gateway.webhook.WebhookRejection;
import io.supportsuite.runtime.problem.Problem.FieldError;

/**
 * A web feedback form submission (C1): {@code message} is required; {@code name} and {@code email} are
 * optional (anonymous feedback is allowed), but whoever leaves either must tick {@code consent}; {@code pageUrl}
 * says where the form was. The dedup id is the form's {@code submissionId}, or the hash of the body when the
 * page sends none, so a double click is one message.
 */
public final class FeedbackForm {

    private FeedbackForm() {
    }

    /** @param fields the submitted fields (from JSON or a form-encoded body), as strings */
    public static List<InboundItem> read(String site, Map<String, String> fields, byte[] body, String acceptLanguage, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        String message = trimmed(fields.get("message"));
        if (message == null) {
            errors.add(new FieldError("message", "is required"));
        }
        String name = trimmed(fields.get("name"));
        String email = trimmed(fields.get("email"));
        Optional<MailAddress> address = email == null ? Optional.empty() : MailAddress.parse(email);
        if (email != null && address.isEmpty()) {
            errors.add(new FieldError("email", "must be an e-mail address"));
        }
        String consent = trimmed(fields.get("consent"));
        if (consent != null && !List.of("true", "false", "on", "yes", "no").contains(consent.toLowerCase())) {
            errors.add(new FieldError("consent", "must be true or false"));
        } else if ((name != null || email != null) && !isYes(consent)) {
            errors.add(new FieldError("consent", "must be true when a name or an e-mail address is given"));
        }
        String pageUrl = trimmed(fields.get("pageUrl"));
        if (pageUrl != null && !isWebUrl(pageUrl)) {
            errors.add(new FieldError("pageUrl", "must be an http(s) URL"));
        }
        if (!errors.isEmpty()) {
            throw WebhookRejection.invalid(errors);
        }
        String submission = Optional.ofNullable(trimmed(fields.get("submissionId"))).orElseGet(() -> sha256(body));
        String id = site + ":" + submission;
        Identity sender = address.map(a -> Identities.email(a.address(), name)).orElseGet(() -> Identities.anonymous(name));
        String locale = Optional.ofNullable(trimmed(fields.get("locale"))).orElseGet(() -> firstLanguage(acceptLanguage));
        MessageReceived received = new MessageReceived(Channels.WEB_FORM, id, new ThreadRefs(id, null, List.of(), id), sender,
                List.of(), pageUrl == null ? "Feedback" : "Feedback on " + pageUrl, message, null, List.of(), locale, null, false, now);
        return List.of(new InboundItem.Message(Channels.WEB_FORM + ":" + id, received));
    }

    private static boolean isYes(String value) {
        return value != null && List.of("true", "on", "yes").contains(value.toLowerCase());
    }

    private static boolean isWebUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String firstLanguage(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return null;
        }
        String first = acceptLanguage.split(",")[0].split(";")[0].trim();
        return first.isEmpty() || "*".equals(first) ? null : first;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
