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
        return switch (sink) {
            case OpsAlert.SINK_MANAGER -> config.managerWebhookUrl();
            case OpsAlert.SINK_AGENT -> config.agentWebhookUrl().or(config::webhookUrl);
            default -> config.webhookUrl();
        };
    }

    /** The generic body of a digest: how many alerts, and each one as it would have been posted alone. */
    public record DigestPayload(boolean digest, int count, List<Object> alerts) {
    }

    /** The generic body of a notice to an agent: who, what ({@code stage}), which ticket, by when. */
    public record AgentNoticePayload(String notice, String agentId, String ticketId, Long number, String subject, String clock,
            String clockId, java.time.Instant due, String text) {
    }

    public String body(OpsAlert alert) {
        return json(slack(alert.sink) ? new SlackPayload(text(alert)) : payload(alert));
    }

    private static Object payload(OpsAlert alert) {
        if (!OpsAlert.SINK_AGENT.equals(alert.sink)) {
            return AlertPayload.of(alert);
        }
        return new AgentNoticePayload(notice(alert), alert.agentId, alert.ticketId, alert.number, alert.subject,
                alert.clockKind, alert.clockId, alert.deadline, text(alert));
    }

    /** {@code callback_due} or {@code assignee_warning} (the stage without what makes it unique). */
    public static String notice(OpsAlert alert) {
        int colon = alert.stage.indexOf(':');
        return colon < 0 ? alert.stage : alert.stage.substring(0, colon);
    }

    /** One body for a burst of alerts to one sink: nothing is dropped, every alert is named. */
    public String digest(String sink, List<OpsAlert> alerts) {
        if (slack(sink)) {
            return json(new SlackPayload(alerts.size() + " SLA alerts at once:\n"
                    + alerts.stream().map(a -> "• " + text(a)).collect(Collectors.joining("\n"))));
        }
        return json(new DigestPayload(true, alerts.size(), alerts.stream().map(AlertSinks::payload).toList()));
    }

    private boolean slack(String sink) {
        String format = switch (sink) {
            case OpsAlert.SINK_MANAGER -> config.managerWebhookFormat();
            case OpsAlert.SINK_AGENT -> config.agentWebhookUrl().isPresent() ? config.agentWebhookFormat() : config.webhookFormat();
            default -> config.webhookFormat();
        };
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
        if (OpsAlert.SINK_AGENT.equals(alert.sink)) {
            return OpsAlert.STAGE_CALLBACK_DUE.equals(notice(alert))
                    ? ":telephone_receiver: Callback reminder for agent " + alert.agentId + ": callback " + alert.clockId + " on "
                            + ticket + " is due at " + alert.deadline + "."
                    : ":hourglass: Agent " + alert.agentId + ": " + ticket + " is near its " + alert.clockKind
                            + " deadline " + alert.deadline + " (policy " + alert.policy + ").";
        }
        if (OpsAlert.STAGE_AT_RISK.equals(alert.stage)) {
            return ":eyes: VIP " + ticket + " at risk — " + alert.clockKind + " clock (policy " + alert.policy
                    + "), deadline " + alert.deadline + ".";
        }
        String what = OpsAlert.STAGE_ESCALATED.equals(alert.stage)
                ? ":rotating_light: Escalation: SLA breach still unacknowledged on "
                : ":warning: SLA breached on ";
        return what + ticket + " — " + alert.clockKind + " clock (policy " + alert.policy + "), deadline " + alert.deadline
                + ", " + alert.lateSeconds + " s late. Acknowledge: POST /api/alerts/" + alert.id + "/acknowledge";
    }
}
