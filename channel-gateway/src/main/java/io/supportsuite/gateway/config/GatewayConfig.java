package io.supportsuite.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    Identities identities();

    Reviews reviews();

    WebForm webForm();

    InboundEmail inboundEmail();

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

        /** A signed sending time further than this from now is a replay: 401. */
        @WithDefault("PT5M")
        Duration maxAge();

        /** Group commit: at most this many receipts claimed (or marked accepted) by one statement. */
        @WithDefault("256")
        int batchMax();

        /** Group commit: statements of each kind in flight at once; more requests wait and go together. */
        @WithDefault("4")
        int batchWriters();
    }

    interface ChannelSettings {

        /**
         * The key the provider signs with: the HMAC key (e-mail, chat, reviews, generic, Meta's app secret, X's
         * consumer secret, the voice provider's auth token), or Telegram's secret token itself.
         */
        String secret();

        /** Meta only: the token its subscription check (GET, hub.verify_token) must present. */
        Optional<String> verifyToken();

        /**
         * Voice only: the public URL the provider calls, as it signs it; behind a proxy the request's own URL
         * differs. Empty: the request's URL.
         */
        Optional<String> publicUrl();

        /** Outbound: the provider's send API base URL, when not its public one (a stub in tests). */
        Optional<String> apiUrl();

        /** Outbound: the credential the send API takes (Telegram's bot token, a page access token, ...). */
        Optional<String> apiToken();

        /** Outbound: the sending account where the API needs one (the WhatsApp phone number id, the SMS account SID). */
        Optional<String> accountId();

        /** Outbound: the sender address where the API needs one (the SMS From number). */
        Optional<String> senderId();
    }

    interface Identities {

        /** The region a phone number without a country code is read in (C2: stored as E.164). */
        @WithDefault("US")
        String defaultRegion();
    }

    interface Reviews {

        /** R7: a review rated this or lower is negative and answered first. */
        @WithDefault("2")
        int negativeAtOrBelow();
    }

    interface WebForm {

        /** Site id to that site's form key; a form post must name a known site and present its key. */
        Map<String, String> sites();
    }

    interface InboundEmail {

        /** The suite's own addresses ({@code name@domain}) or domains ({@code @domain}): mail from them is a loop. */
        List<String> ownAddresses();

        /** At most this many messages per sender within {@link #senderWindow()}; more are dropped as a loop. */
        @WithDefault("20")
        int senderLimit();

        @WithDefault("PT10M")
        Duration senderWindow();

        /** Senders counted at once; beyond, the least recently seen are forgotten (a bound on memory). */
        @WithDefault("50000")
        int senderTracked();
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

        /**
         * A delivery claimed but without an outcome this long after the worst case of its attempts and
         * back-offs (its instance died mid-send) is resumed by another round.
         */
        @WithDefault("PT30S")
        Duration resumeMargin();

        /** How often a round looks for such deliveries. */
        @WithDefault("PT15S")
        Duration resumeEvery();
    }
}
