package io.supportsuite.gateway.email;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.supportsuite.events.Channels;
import io.supportsuite.gateway.GatewayMetrics;
import io.supportsuite.gateway.config.GatewayConfig;
import io.supportsuite.gateway.email.InboundEmailParser.InboundEmail;
import io.supportsuite.gateway.webhook.InboundAcceptance;
import io.supportsuite.gateway.webhook.InboundPublisher;
import io.supportsuite.gateway.webhook.WebhookRejection;
import io.supportsuite.gateway.webhook.WebhookSignature;
import io.supportsuite.runtime.problem.Problem;
import io.supportsuite.runtime.problem.ProblemMappers;

/**
 * The inbound e-mail webhook. Checks in this order, each refusal changing nothing: size (413), signature
 * over the raw body (401), JSON (400), fields (422). Mail that would answer itself in a loop (auto-replies,
 * bounces, bulk mail, the suite's own addresses, a sender over its rate) is answered 200 "ignored" and
 * published nowhere. Then dedup and publish (C4): 202 once Kafka acknowledged, 200 for a message already
 * accepted, 503 with Retry-After when it cannot be accepted now.
 */
@Path("/webhooks/email")
public class EmailWebhookResource {

    /** The answer to an accepted, duplicate or ignored webhook. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Receipt(String status, String eventId, String conversationKey, String reason) {
    }

    private final InboundAcceptance acceptance;
    private final GatewayConfig config;
    private final ObjectMapper mapper;
    private final GatewayMetrics metrics;
    private final SenderRateLimit rateLimit;
    private final Clock clock;

    public EmailWebhookResource(InboundAcceptance acceptance, GatewayConfig config, ObjectMapper mapper, GatewayMetrics metrics,
            SenderRateLimit rateLimit, Clock clock) {
        this.acceptance = acceptance;
        this.config = config;
        this.mapper = mapper;
        this.metrics = metrics;
        this.rateLimit = rateLimit;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> receive(@HeaderParam(WebhookSignature.HEADER) String signature, byte[] body) {
        Timer.Sample sample = metrics.startWebhook();
        InboundEmail email;
        try {
            email = InboundEmailParser.parse(authenticJson(signature, body == null ? new byte[0] : body));
        } catch (WebhookRejection e) {
            metrics.webhookRejected(Channels.EMAIL, e.reason(), sample);
            throw e;
        }
        Optional<String> loop = MailLoops.reason(email.headers(), email.sender(), config.inboundEmail().ownAddresses())
                .or(() -> rateLimit.allow(email.sender(), email.message().providerMessageId(), clock.instant()) ? Optional.empty() : Optional.of("sender-rate-limit"));
        if (loop.isPresent()) {
            // 200, not an error: the provider must not retry a message that will never become a ticket
            Log.infof("E-mail %s from %s ignored: %s", email.message().providerMessageId(), email.sender(), loop.get());
            metrics.itemIgnored(Channels.EMAIL, loop.get());
            metrics.webhookAnswered(Channels.EMAIL, GatewayMetrics.IGNORED, sample);
            return Uni.createFrom().item(Response.ok(new Receipt(GatewayMetrics.IGNORED, null, null, loop.get())).build());
        }
        return acceptance.accept(email.conversationKey(), email.message())
                .map(outcome -> {
                    if (outcome.duplicate()) {
                        metrics.webhookAnswered(Channels.EMAIL, GatewayMetrics.DUPLICATE, sample);
                        return Response.ok(new Receipt("duplicate", outcome.eventId().toString(), null, null)).build();
                    }
                    metrics.webhookAnswered(Channels.EMAIL, GatewayMetrics.ACCEPTED, sample);
                    return Response.accepted(new Receipt("accepted", outcome.eventId().toString(), outcome.conversationKey(), null))
                            .build();
                })
                .onFailure(InboundPublisher::isTooLargeForBroker).recoverWithItem(failure -> tooLargeForBroker(failure, sample))
                .onFailure().recoverWithItem(failure -> unavailable(email, failure, sample));
    }

    private JsonNode authenticJson(String signature, byte[] body) {
        long limit = config.webhook().maxBodySize().asLongValue();
        if (body.length > limit) {
            throw WebhookRejection.tooLarge(body.length, limit);
        }
        if (signature == null || signature.isBlank()) {
            throw WebhookRejection.badSignature("The " + WebhookSignature.HEADER + " header is missing");
        }
        if (!WebhookSignature.verify(config.channels().get(Channels.EMAIL).secret(), body, signature)) {
            throw WebhookRejection.badSignature("The " + WebhookSignature.HEADER + " header does not sign this body");
        }
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw WebhookRejection.malformed("The body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw WebhookRejection.malformed("The body is not JSON: " + e.getMessage());
        }
        if (json == null || !json.isObject()) {
            throw WebhookRejection.malformed("The body must be a JSON object");
        }
        return json;
    }

    /** Permanent: a retry cannot help, so the provider is told with a 413 and stops. */
    private Response tooLargeForBroker(Throwable failure, Timer.Sample sample) {
        WebhookRejection rejection = WebhookRejection.tooLarge(failure.getMessage());
        metrics.webhookRejected(Channels.EMAIL, rejection.reason(), sample);
        return ProblemMappers.respond(rejection.toProblem());
    }

    private Response unavailable(InboundEmail email, Throwable failure, Timer.Sample sample) {
        Log.warnf("E-mail %s not accepted, the provider will retry: %s", email.message().providerMessageId(), failure.toString());
        metrics.webhookRejected(Channels.EMAIL, "service-unavailable", sample);
        Problem problem = new Problem(Problem.type("service-unavailable"), "Service unavailable", 503,
                "The message could not be stored and published right now; nothing was accepted. Retry later.", List.of());
        return Response.fromResponse(ProblemMappers.respond(problem))
                .header("Retry-After", Math.max(1, config.webhook().retryAfter().toSeconds()))
                .build();
    }
}
