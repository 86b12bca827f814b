package io.supportsuite.notifications.alert;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.supportsuite.notifications.config.NotificationsConfig;

/**
 * The ops alert sinks (N8): the ops webhook and the manager's (escalations), each configured with its URL
 * and body format — the generic JSON of {@link AlertPayload}, or a Slack-compatible incoming-webhook body
 * ({@code {"text": …}}, which Slack, Mattermost and Rocket.Chat accept). A burst becomes one digest.
 */
@ApplicationScoped
public class AlertSinks {

    public static final String SLACK = "slack";

    /** The body of a Slack-compatible incoming webhook. */
    public record SlackPayload(String text) {
    }

    private final NotificationsConfig.Alerts config;
    private final ObjectMapper mapper;

    public AlertSinks(NotificationsConfig config, ObjectMapper mapper) {
        this.config = config.alerts();
        this.mapper = mapper;
    }

    public Optional<URI> url(String sink) {
        return OpsAlert.SINK_MANAGER.equals(sink) ? config.managerWebhookUrl() : config.webhookUrl();
    }

    public boolean anyConfigured() {
        return config.webhookUrl().isPresent() || config.managerWebhookUrl().isPresent();
    }

    /** The generic body of a digest: how many alerts, and each one as it would have been posted alone. */
    public record DigestPayload(boolean digest, int count, List<AlertPayload> alerts) {
    }

    public String body(OpsAlert alert) {
        return json(slack(alert.sink) ? new SlackPayload(text(alert)) : AlertPayload.of(alert));
    }

    /** One body for a burst of alerts to one sink: nothing is dropped, every alert is named. */
    public String digest(String sink, List<OpsAlert> alerts) {
        if (slack(sink)) {
            return json(new SlackPayload(alerts.size() + " SLA alerts at once:\n"
                    + alerts.stream().map(a -> "• " + text(a)).collect(Collectors.joining("\n"))));
        }
        return json(new DigestPayload(true, alerts.size(), alerts.stream().map(AlertPayload::of).toList()));
    }

    private boolean slack(String sink) {
        String format = OpsAlert.SINK_MANAGER.equals(sink) ? config.managerWebhookFormat() : config.webhookFormat();
        return SLACK.equalsIgnoreCase(format);
    }

    private String json(Object payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Alert not serialisable: " + payload, e);
        }
    }

    /** One line a person reads in a chat channel. */
    public static String text(OpsAlert alert) {
        String ticket = alert.number == null ? "ticket " + alert.ticketId
                : "ticket #" + alert.number + (alert.subject == null ? "" : " \"" + alert.subject + "\"");
        String what = OpsAlert.STAGE_ESCALATED.equals(alert.stage)
                ? ":rotating_light: Escalation: SLA breach still unacknowledged on "
                : ":warning: SLA breached on ";
        return what + ticket + " — " + alert.clockKind + " clock (policy " + alert.policy + "), deadline " + alert.deadline
                + ", " + alert.lateSeconds + " s late. Acknowledge: POST /api/alerts/" + alert.id + "/acknowledge";
    }
}
