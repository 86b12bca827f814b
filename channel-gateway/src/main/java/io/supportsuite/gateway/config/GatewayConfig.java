package io.supportsuite.gateway.config;

import java.time.Duration;
import java.util.Map;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything the gateway decides by number: webhook limits (C4) and the delivery retry budget. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    Webhook webhook();

    /** Per-channel settings, keyed by channel name ({@code email}, …). */
    Map<String, ChannelSettings> channels();

    Delivery delivery();

    interface Webhook {

        /** A larger body is refused with 413 before its signature is even checked. */
        @WithDefault("1M")
        MemorySize maxBodySize();

        /** How long a webhook waits for Kafka to acknowledge its event before it answers 503. */
        @WithDefault("PT10S")
        Duration publishTimeout();

        /**
         * A claimed message not accepted after this long is taken over by the next post of it (its first
         * publisher crashed); longer than the publish timeout.
         */
        @WithDefault("PT1M")
        Duration claimTakeover();

        /** The Retry-After a 503 suggests to the provider. */
        @WithDefault("PT30S")
        Duration retryAfter();
    }

    interface ChannelSettings {

        /** The HMAC-SHA256 key the provider signs its webhook bodies with. */
        String secret();
    }

    interface Delivery {

        /** Attempts per outbound message, the first included; transient failures only are retried. */
        @WithDefault("5")
        int maxAttempts();

        /** Wait before the second attempt; doubled before each further one. */
        @WithDefault("PT1S")
        Duration initialBackoff();

        @WithDefault("PT30S")
        Duration maxBackoff();

        /** One attempt that has not finished by then counts as a transient failure. */
        @WithDefault("PT30S")
        Duration attemptTimeout();
    }
}
