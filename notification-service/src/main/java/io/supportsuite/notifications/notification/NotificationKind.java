package io.supportsuite.notifications.notification;

/**
 * What this service sends a customer. {@code template} names the Qute folder, {@code outboundKind} the
 * {@code message.send} kind. Transactional messages (about the customer's own open request) carry no
 * unsubscribe link and are not blocked by an opt-out; urgent ones ignore quiet hours (N6).
 */
public enum NotificationKind {

    ACK("ack", "ack", true, true),
    DELAY_NOTICE("delay_notice", "delay_notice", true, true),
    REMINDER("reminder", "reminder", false, false),
    FOLLOW_UP("follow_up", "follow_up", false, false),
    SURVEY_REMINDER("survey_reminder", "reminder", false, false),
    NPS("nps", "survey", false, false),
    /** Not a message: the event that tells ticket-service a pending ticket is due to be solved (N3). */
    AUTO_SOLVE("auto_solve", null, true, true),
    /** Not a customer message: the callback owner's reminder before the callback is due (R3), an agent notice. */
    CALLBACK_REMINDER("callback_reminder", null, true, true);

    public final String template;
    public final String outboundKind;
    public final boolean transactional;
    public final boolean urgent;

    NotificationKind(String template, String outboundKind, boolean transactional, boolean urgent) {
        this.template = template;
        this.outboundKind = outboundKind;
        this.transactional = transactional;
        this.urgent = urgent;
    }

    /** The customer-facing kinds, each with a template per locale. */
    public static NotificationKind[] messages() {
        return new NotificationKind[] { ACK, DELAY_NOTICE, REMINDER, FOLLOW_UP, SURVEY_REMINDER, NPS };
    }
}
