package io.supportsuite.gateway.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.gateway.GatewayMetrics;
import io.supportsuite.gateway.config.GatewayConfig;
import io.supportsuite.gateway.webhook.InboundAcceptance.Outcome;
import io.supportsuite.runtime.problem.Problem;
import io.supportsuite.runtime.problem.ProblemMappers;

/**
 * The path every channel's webhook takes after its own format is read: size first (413), then the channel's
 * check-and-parse (401 / 400 / 422, nothing kept), then each item accepted once (C4) in order. 2xx only when
 * every item was acknowledged by Kafka (or was a duplicate, or is ignored on purpose); otherwise 503 with
 * Retry-After, and the provider's retry finds the items accepted so far as duplicates.
 */
@ApplicationScoped
public class WebhookFlow {

    public static final String ACCEPTED = GatewayMetrics.ACCEPTED;
    public static final String DUPLICATE = GatewayMetrics.DUPLICATE;
    public static final String IGNORED = GatewayMetrics.IGNORED;

    /** What happened to one item of the webhook. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemReceipt(String status, String eventId, String key, String reason) {
    }

    /** The answer: overall status (accepted if anything was new), and each item. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Receipt(String status, List<ItemReceipt> items) {
    }

    private final InboundAcceptance acceptance;
    private final GatewayConfig config;
    private final GatewayMetrics metrics;

    public WebhookFlow(InboundAcceptance acceptance, GatewayConfig config, GatewayMetrics metrics) {
        this.acceptance = acceptance;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * @param acceptedStatus what a webhook with something new is answered (202, or 200 for providers that
     *        want exactly that)
     * @param parse checks authenticity and reads the body; throws {@link WebhookRejection}
     */
    public Uni<Response> handle(String channel, byte[] body, int acceptedStatus, Function<byte[], List<InboundItem>> parse) {
        Timer.Sample sample = metrics.startWebhook();
        List<InboundItem> items;
        try {
            byte[] bytes = body == null ? new byte[0] : body;
            long limit = config.webhook().maxBodySize().asLongValue();
            if (bytes.length > limit) {
                throw WebhookRejection.tooLarge(bytes.length, limit);
            }
            items = parse.apply(bytes);
        } catch (WebhookRejection e) {
            return Uni.createFrom().item(rejected(channel, e, sample));
        }
        return acceptAll(channel, items, 0, new ArrayList<>())
                .map(receipts -> answered(channel, receipts, acceptedStatus, sample))
                .onFailure(InboundPublisher::isTooLargeForBroker)
                .recoverWithItem(failure -> rejected(channel, WebhookRejection.tooLarge(failure.getMessage()), sample))
                .onFailure().recoverWithItem(failure -> unavailable(channel, failure, sample));
    }

    /** A refusal decided outside {@link #handle} (an unknown channel, a failed subscription check), counted the same. */
    public Response rejected(String channel, WebhookRejection rejection, Timer.Sample sample) {
        metrics.webhookRejected(channel, rejection.reason(), sample);
        return ProblemMappers.respond(rejection.toProblem());
    }

    /** Items one after another, on the caller's context: a batch keeps the provider's order. */
    private Uni<List<ItemReceipt>> acceptAll(String channel, List<InboundItem> items, int next, List<ItemReceipt> done) {
        if (next == items.size()) {
            return Uni.createFrom().item(done);
        }
        return accept(channel, items.get(next)).chain(receipt -> {
            done.add(receipt);
            return acceptAll(channel, items, next + 1, done);
        });
    }

    private Uni<ItemReceipt> accept(String channel, InboundItem item) {
        if (item instanceof InboundItem.Message message) {
            // Counted under the message's own channel: one Meta webhook serves facebook, instagram and whatsapp.
            return acceptance.accept(message.conversationKey(), message.message())
                    .map(outcome -> counted(message.message().channel(), outcome));
        }
        if (item instanceof InboundItem.Contact contact) {
            return acceptance.accept(contact).map(outcome -> counted(contact.channel(), outcome));
        }
        String reason = ((InboundItem.Ignored) item).reason();
        metrics.itemIgnored(channel, reason);
        return Uni.createFrom().item(new ItemReceipt(IGNORED, null, null, reason));
    }

    private ItemReceipt counted(String channel, Outcome outcome) {
        String status = outcome.duplicate() ? DUPLICATE : ACCEPTED;
        metrics.itemAnswered(channel, status);
        return new ItemReceipt(status, outcome.eventId().toString(), outcome.conversationKey(), null);
    }

    private Response answered(String channel, List<ItemReceipt> receipts, int acceptedStatus, Timer.Sample sample) {
        String status = receipts.stream().anyMatch(r -> ACCEPTED.equals(r.status())) ? ACCEPTED
                : receipts.stream().anyMatch(r -> DUPLICATE.equals(r.status())) ? DUPLICATE : IGNORED;
        metrics.webhookDone(channel, status, sample);
        return Response.status(ACCEPTED.equals(status) ? acceptedStatus : 200).entity(new Receipt(status, receipts)).build();
    }

    private Response unavailable(String channel, Throwable failure, Timer.Sample sample) {
        Log.warnf("A %s webhook was not (fully) accepted, the provider will retry: %s", channel, failure.toString());
        metrics.webhookRejected(channel, "service-unavailable", sample);
        Problem problem = new Problem(Problem.type("service-unavailable"), "Service unavailable", 503,
                "The message could not be stored and published right now; what was not acknowledged was not kept. Retry later.",
                List.of());
        return Response.fromResponse(ProblemMappers.respond(problem))
                .header("Retry-After", Math.max(1, config.webhook().retryAfter().toSeconds()))
                .build();
    }
}
