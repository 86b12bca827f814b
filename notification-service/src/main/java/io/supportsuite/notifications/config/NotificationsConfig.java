package io.supportsuite.notifications.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "notifications")
public interface NotificationsConfig {

    Ack ack();

    Alerts alerts();

    /** The acknowledgement with an honest ETA (N1). */
    interface Ack {

        /** Template locale when the customer's has no template yet (N9 fallback). */
        @WithDefault("en")
        String defaultLocale();

        /** Time zone the deadline is written in when the customer has none (or an unknown one). */
        @WithDefault("UTC")
        String defaultTimeZone();

        /** How the promised deadline reads in the text; it is rounded up to the minute, never shown earlier. */
        @WithDefault("yyyy-MM-dd HH:mm VV")
        String deadlineFormat();

        /** Domain of the Message-IDs this service mints for its own mails ({@code ack-<ticket>@<domain>}). */
        @WithDefault("support-suite.local")
        String messageIdDomain();
    }

    /** Ops alerts on breach (N8). */
    interface Alerts {

        /** Where alerts are POSTed; absent: they are recorded and logged only (state {@code no_sink}). */
        Optional<URI> webhookUrl();

        /** How often the delivery worker looks for due alerts. */
        @WithDefault("PT1S")
        Duration pollInterval();

        /** Alerts claimed (and posted concurrently) per worker round. */
        @WithDefault("20")
        int batchSize();

        /** Delivery attempts before an alert is given up as {@code failed}. */
        @WithDefault("6")
        int maxAttempts();

        /** Wait after the first failed attempt; doubles with each further failure. */
        @WithDefault("PT2S")
        Duration firstBackoff();

        /** Longest wait between two attempts. */
        @WithDefault("PT5M")
        Duration maxBackoff();

        /** Longest a single POST may take (connect, send, answer) before it counts as failed. */
        @WithDefault("PT5S")
        Duration requestTimeout();
    }
}
