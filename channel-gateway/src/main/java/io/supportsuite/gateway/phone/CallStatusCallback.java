package io.supportsuite.gateway.phone;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.supportsuite.events.Channels;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.common.Identity;
import io.supportsuite.events.common.ThreadRefs;
import io.supportsuite.events.contact.CallbackRequested;
import io.supportsuite.events.contact.ContactAbandoned;
import io.supportsuite.events.contact.ContactAnswered;
import io.supportsuite.events.contact.ContactOffered;
import io.supportsuite.events.inbound.Attachment;
import io.supportsuite.events.inbound.MessageReceived;
import io.supportsuite.gateway.webhook.Identities;
import io.supportsuite.gateway.webhook.InboundItem;
import io.supportsuite.gateway.webhook.WebhookRejection;
import io.supportsuite.runtime.problem.Problem.FieldError;

/**
 * A call-status callback, read into the suite's live-contact events (R2, R3): {@code ringing} offers the
 * contact (the three-ring clock starts), {@code in-progress} answers it, {@code busy} / {@code no-answer} /
 * {@code canceled} / {@code failed} abandon it; a recording ({@code RecordingUrl}) is a voicemail message, and
 * {@code CallbackRequested=true} asks for a callback. The contact id is {@code voice:<CallSid>}; a retry of
 * the same status for the same call is the same event (C4).
 */
public final class CallStatusCallback {

    static final Set<String> STATUSES = Set.of("queued", "initiated", "ringing", "in-progress", "completed", "busy",
            "no-answer", "canceled", "failed");
    private static final Set<String> ABANDONED = Set.of("busy", "no-answer", "canceled", "failed");
    private static final Set<String> WITHHELD = Set.of("anonymous", "restricted", "unknown", "private", "");

    private final Map<String, String> params;
    private final List<FieldError> errors = new ArrayList<>();

    private CallStatusCallback(Map<String, String> params) {
        this.params = params;
    }

    /** The time the provider stamped the callback with, when it did (checked for replay by the caller). */
    public static Instant timestamp(Map<String, String> params) {
        String value = params.get("Timestamp");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw WebhookRejection.invalid("Timestamp", "must be an RFC 1123 date, e.g. Mon, 02 Mar 2026 09:15:00 +0000");
        }
    }

    public static List<InboundItem> read(Map<String, String> params, Instant now, String defaultRegion) {
        return new CallStatusCallback(params).collect(now, defaultRegion);
    }

    private List<InboundItem> collect(Instant now, String defaultRegion) {
        String sid = required("CallSid");
        String status = required("CallStatus");
        if (status != null && !STATUSES.contains(status)) {
            errors.add(new FieldError("CallStatus", "must be one of " + STATUSES));
        }
        Identity caller = caller(required("From"), defaultRegion);
        if (!errors.isEmpty()) {
            throw WebhookRejection.invalid(errors);
        }
        Instant at = timestamp(params) != null ? timestamp(params) : now;
        String contactId = Channels.VOICE + ":" + sid;
        List<InboundItem> items = new ArrayList<>();
        String dialStatus = params.getOrDefault("DialCallStatus", "");
        if ("ringing".equals(status)) {
            items.add(contact(sid + ":ringing", contactId, EventTypes.CONTACT_OFFERED,
                    new ContactOffered(contactId, Channels.VOICE, caller, params.get("To"), at)));
        } else if ("in-progress".equals(status)) {
            items.add(contact(sid + ":in-progress", contactId, EventTypes.CONTACT_ANSWERED,
                    new ContactAnswered(contactId, Channels.VOICE, params.get("AgentId"), at)));
        } else if (ABANDONED.contains(status) || ABANDONED.contains(dialStatus)) {
            items.add(contact(sid + ":abandoned", contactId, EventTypes.CONTACT_ABANDONED,
                    new ContactAbandoned(contactId, Channels.VOICE, caller, at)));
        }
        if ("true".equalsIgnoreCase(params.get("CallbackRequested"))) {
            items.add(contact(sid + ":callback", contactId, EventTypes.CALLBACK_REQUESTED,
                    new CallbackRequested(contactId, Channels.VOICE, caller, at, preferredAt())));
        }
        String recording = params.get("RecordingUrl");
        if (recording != null && !recording.isBlank()) {
            items.add(voicemail(sid, contactId, caller, recording, at));
        }
        return items.isEmpty() ? List.of(new InboundItem.Ignored("call-" + status)) : List.copyOf(items);
    }

    private InboundItem voicemail(String sid, String contactId, Identity caller, String recording, Instant at) {
        String recordingSid = params.getOrDefault("RecordingSid", "recording");
        long seconds = parseLong(params.get("RecordingDuration"));
        MessageReceived message = new MessageReceived(Channels.VOICE, sid + ":voicemail:" + recordingSid,
                new ThreadRefs(recordingSid, null, List.of(), sid), caller, params.get("To") == null ? List.of() : List.of(params.get("To")),
                "Voicemail" + (seconds > 0 ? " (" + seconds + " s)" : ""), params.get("TranscriptionText"), null,
                List.of(new Attachment("voicemail-" + recordingSid, "audio/wav", 0, recording)), null, null, false, at);
        return new InboundItem.Message(contactId, message);
    }

    private static InboundItem contact(String providerId, String contactId, String type, Object event) {
        return new InboundItem.Contact(Channels.VOICE, providerId, contactId, type, event);
    }

    private Identity caller(String from, String defaultRegion) {
        if (from == null) {
            return null;
        }
        if (WITHHELD.contains(from.trim().toLowerCase())) {
            return Identities.anonymous(params.get("CallerName"));
        }
        return Identities.e164(from, defaultRegion).map(e164 -> Identities.phone(e164, null, params.get("CallerName")))
                .orElseGet(() -> {
                    errors.add(new FieldError("From", "must be a phone number (E.164) or a withheld caller"));
                    return null;
                });
    }

    private Instant preferredAt() {
        String value = params.get("CallbackAt");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw WebhookRejection.invalid("CallbackAt", "must be an ISO-8601 instant");
        }
    }

    private String required(String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(name, "is required"));
            return null;
        }
        return value.trim();
    }

    private static long parseLong(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
