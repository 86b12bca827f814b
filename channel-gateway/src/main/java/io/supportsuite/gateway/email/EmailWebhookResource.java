package io.supportsuite.gateway.email;

import java.io.IOException;
import java.util.List;

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
 * over the raw body (401), JSON (400), fields (422). Then dedup and publish (C4): 202 once Kafka
 * acknowledged, 200 for a message already accepted, 503 with Retry-After when it cannot be accepted now.
 */
@Path("/webhooks/email")
public class EmailWebhookResource {

    /** The answer to an accepted or duplicate webhook. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Receipt(String status, String eventId, String conversationKey) {
    }

    private final InboundAcceptance acceptance;
    private final GatewayConfig config;
    private final ObjectMapper mapper;
    private final GatewayMetrics metrics;

    public EmailWebhookResource(InboundAcceptance acceptance, GatewayConfig config, ObjectMapper mapper, GatewayMetrics metrics) {
        this.acceptance = acceptance;
        this.config = config;
        this.mapper = mapper;
        this.metrics = metrics;
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
        return acceptance.accept(email.conversationKey(), email.message())
                .map(outcome -> {
                    if (outcome.duplicate()) {
                        metrics.webhookAnswered(Channels.EMAIL, GatewayMetrics.DUPLICATE, sample);
                        return Response.ok(new Receipt("duplicate", outcome.eventId().toString(), null)).build();
                    }
                    metrics.webhookAnswered(Channels.EMAIL, GatewayMetrics.ACCEPTED, sample);
                    return Response.accepted(new Receipt("accepted", outcome.eventId().toString(), outcome.conversationKey()))
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
