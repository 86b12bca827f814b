package io.supportsuite.gateway.webhook;

import java.util.List;
import java.util.stream.Collectors;

import io.supportsuite.runtime.problem.Problem;
import io.supportsuite.runtime.problem.ProblemException;

/**
 * Why a webhook was refused. Each reason is a stable problem type and a metric tag; a refused webhook
 * has reached neither Kafka nor the database.
 */
public class WebhookRejection extends ProblemException {

    public static final String TOO_LARGE = "payload-too-large";
    public static final String BAD_SIGNATURE = "invalid-signature";
    public static final String MALFORMED = "malformed-request";
    public static final String INVALID = "invalid-request";
    public static final String STALE = "stale-timestamp";
    public static final String UNKNOWN_CHANNEL = "unknown-channel";
    public static final String BAD_VERIFY_TOKEN = "invalid-verify-token";

    private final String reason;

    private WebhookRejection(int status, String reason, String title, String detail, List<Problem.FieldError> errors) {
        super(status, reason, title, detail, errors);
        this.reason = reason;
    }

    public static WebhookRejection tooLarge(long size, long limit) {
        return new WebhookRejection(413, TOO_LARGE, "Payload too large",
                "The body has " + size + " bytes; at most " + limit + " are accepted", List.of());
    }

    public static WebhookRejection tooLarge(String detail) {
        return new WebhookRejection(413, TOO_LARGE, "Payload too large", detail, List.of());
    }

    public static WebhookRejection badSignature(String detail) {
        return new WebhookRejection(401, BAD_SIGNATURE, "Invalid signature", detail, List.of());
    }

    /** A correctly signed request whose signed time is too old (or too far ahead): a replay. */
    public static WebhookRejection stale(String detail) {
        return new WebhookRejection(401, STALE, "Stale request", detail, List.of());
    }

    public static WebhookRejection unknownChannel(String channel) {
        return new WebhookRejection(404, UNKNOWN_CHANNEL, "Unknown channel", "No webhook is served for channel '" + channel + "'",
                List.of());
    }

    /** A subscription check (Meta's hub.verify_token) with the wrong token. */
    public static WebhookRejection badVerifyToken() {
        return new WebhookRejection(403, BAD_VERIFY_TOKEN, "Invalid verify token", "hub.verify_token does not match", List.of());
    }

    public static WebhookRejection invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    public static WebhookRejection malformed(String detail) {
        return new WebhookRejection(400, MALFORMED, "Malformed request", detail, List.of());
    }

    public static WebhookRejection invalid(List<Problem.FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return new WebhookRejection(422, INVALID, "Invalid request", detail, List.copyOf(errors));
    }

    /** The metric tag and problem slug. */
    public String reason() {
        return reason;
    }
}
