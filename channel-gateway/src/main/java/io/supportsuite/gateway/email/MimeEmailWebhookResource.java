package io.supportsuite.gateway.email;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;
import io.supportsuite.events.Channels;
import io.supportsuite.gateway.config.GatewayConfig;
import io.supportsuite.gateway.webhook.InboundItem;
import io.supportsuite.gateway.webhook.WebhookFlow;
import io.supportsuite.gateway.webhook.WebhookRejection;
import io.supportsuite.gateway.webhook.WebhookSignature;

/**
 * Inbound e-mail as the raw message ({@code message/rfc822}), signed like the JSON webhook ({@value WebhookSignature#HEADER}
 * over the raw bytes). Loops never become customer messages: auto-replies, bounces, bulk mail and the suite's
 * own mail are answered 200 {@code ignored} with the reason, and so is a sender over its rate limit.
 */
@Path("/webhooks/email/mime")
public class MimeEmailWebhookResource {

    private final WebhookFlow flow;
    private final GatewayConfig config;
    private final SenderRateLimit rateLimit;
    private final Clock clock;

    public MimeEmailWebhookResource(WebhookFlow flow, GatewayConfig config, SenderRateLimit rateLimit, Clock clock) {
        this.flow = flow;
        this.config = config;
        this.rateLimit = rateLimit;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> receive(@HeaderParam(WebhookSignature.HEADER) String signature, byte[] body) {
        return flow.handle(Channels.EMAIL, body, 202, bytes -> {
            if (!WebhookSignature.verify(config.channels().get(Channels.EMAIL).secret(), bytes, signature)) {
                throw WebhookRejection.badSignature("The " + WebhookSignature.HEADER + " header is missing or does not sign this body");
            }
            Instant now = clock.instant();
            MimeEmailParser.Parsed parsed = MimeEmailParser.parse(bytes, now);
            Optional<String> loop;
            try {
                loop = MailLoops.reason(parsed.mail(), parsed.sender(), config.inboundEmail().ownAddresses());
            } catch (MessagingException e) {
                throw WebhookRejection.malformed("The headers cannot be read: " + e.getMessage());
            }
            if (loop.isPresent()) {
                return List.of(new InboundItem.Ignored(loop.get()));
            }
            if (!rateLimit.allow(parsed.sender(), parsed.message().providerMessageId(), now)) {
                return List.of(new InboundItem.Ignored("sender-rate-limit"));
            }
            return List.of(new InboundItem.Message(parsed.conversationKey(), parsed.message()));
        });
    }
}
