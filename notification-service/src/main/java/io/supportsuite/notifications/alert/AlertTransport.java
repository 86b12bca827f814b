package io.supportsuite.notifications.alert;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.supportsuite.notifications.config.NotificationsConfig;
import io.supportsuite.notifications.service.OpsWebhook;

/**
 * Carries alerts to a sink by its URL's scheme: {@code http(s)} is a webhook POST (generic JSON or
 * Slack-compatible), {@code mailto:} an e-mail over SMTP. One alert, or a digest of several (N8). A notice with
 * the agent's own address ({@link OpsAlert#recipient}) is mailed there, whatever the sink's URL.
 */
@ApplicationScoped
public class AlertTransport {

    private final OpsWebhook webhook;
    private final ReactiveMailer mailer;
    private final AlertSinks sinks;
    private final Duration timeout;

    public AlertTransport(OpsWebhook webhook, ReactiveMailer mailer, AlertSinks sinks, NotificationsConfig config) {
        this.webhook = webhook;
        this.mailer = mailer;
        this.sinks = sinks;
        this.timeout = config.alerts().requestTimeout();
    }

    /** Never fails: an unreachable sink is a result with its reason. */
    public Uni<OpsWebhook.Result> send(String sink, List<OpsAlert> alerts, String idempotencyKey) {
        if (alerts.get(0).recipient != null) { // an agent's own address (a batch shares it)
            return mail(alerts.get(0).recipient, alerts, idempotencyKey);
        }
        Optional<URI> url = sinks.url(sink);
        if (url.isEmpty()) {
            return Uni.createFrom().item(new OpsWebhook.Result(false, "no URL configured for sink " + sink));
        }
        if ("mailto".equalsIgnoreCase(url.get().getScheme())) {
            return mail(url.get().getSchemeSpecificPart(), alerts, idempotencyKey);
        }
        String body = alerts.size() == 1 ? sinks.body(alerts.get(0)) : sinks.digest(sink, alerts);
        return webhook.post(url.get(), idempotencyKey, body);
    }

    private static String agentSubject(OpsAlert notice) {
        String ticket = notice.number == null ? "ticket " + notice.ticketId : "ticket #" + notice.number;
        return OpsAlert.STAGE_CALLBACK_DUE.equals(AlertSinks.notice(notice))
                ? "[Callback] " + notice.agentId + ": call back on " + ticket + " at " + notice.deadline
                : "[SLA] " + notice.agentId + ": " + ticket + " near its " + notice.clockKind + " deadline";
    }

    private Uni<OpsWebhook.Result> mail(String to, List<OpsAlert> alerts, String idempotencyKey) {
        OpsAlert first = alerts.get(0);
        String subject = alerts.size() > 1 ? "[SLA] " + alerts.size() + " alerts"
                : OpsAlert.SINK_AGENT.equals(first.sink) ? agentSubject(first)
                : "[SLA] " + (OpsAlert.STAGE_ESCALATED.equals(first.stage) ? "Escalation"
                        : OpsAlert.STAGE_AT_RISK.equals(first.stage) ? "VIP at risk" : "Breach") + ": "
                        + (first.number == null ? "ticket " + first.ticketId : "ticket #" + first.number) + " ("
                        + first.clockKind + ")";
        String text = alerts.stream().map(AlertSinks::text).collect(Collectors.joining("\n\n")) + "\n";
        Mail mail = Mail.withText(to, subject, text).addHeader("X-Idempotency-Key", idempotencyKey);
        return mailer.send(mail)
                .ifNoItem().after(timeout).fail()
                .map(done -> new OpsWebhook.Result(true, null))
                .onFailure().recoverWithItem(e -> new OpsWebhook.Result(false, "e-mail to " + to + " failed: " + e.getMessage()));
    }
}
