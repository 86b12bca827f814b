package io.supportsuite.gateway.delivery;

import io.smallrye.mutiny.Uni;
import io.supportsuite.events.outbound.MessageSend;

/** One channel's send API. An attempt's item is the provider's message id; a failure is a {@link ProviderFailure} or transient. */
public interface ProviderSender {

    /** The channel names of {@code message.send} this sender delivers. */
    java.util.List<String> channels();

    /** One attempt; a recipient the channel cannot address fails permanently. */
    Uni<String> send(String idempotencyKey, MessageSend command);
}
