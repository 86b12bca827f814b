package io.supportsuite.notifications.alert;

import java.time.Instant;

/** The JSON body POSTed to the ops webhook (N8); {@code number} and {@code subject} are null when not known. */
public record AlertPayload(String ticketId, String clock, String policy, Instant deadline, Instant firedAt,
        long lateSeconds, Long number, String subject) {

    public static AlertPayload of(OpsAlert alert) {
        return new AlertPayload(alert.ticketId, alert.clockKind, alert.policy, alert.deadline, alert.firedAt,
                alert.lateSeconds, alert.number, alert.subject);
    }
}
