package io.supportsuite.notifications.alert;

import java.time.Instant;

/**
 * The JSON body POSTed to the ops webhook (N8); {@code number} and {@code subject} are null when not known;
 * {@code stage} is {@code breached}, {@code at_risk} (a VIP ticket at its warning stage) or {@code escalated}.
 */
public record AlertPayload(String ticketId, String clock, String policy, Instant deadline, Instant firedAt,
        long lateSeconds, Long number, String subject, String stage) {

    public static AlertPayload of(OpsAlert alert) {
        return new AlertPayload(alert.ticketId, alert.clockKind, alert.policy, alert.deadline, alert.firedAt,
                alert.lateSeconds, alert.number, alert.subject, alert.stage);
    }
}
