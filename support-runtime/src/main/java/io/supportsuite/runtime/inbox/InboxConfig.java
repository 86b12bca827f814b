package io.supportsuite.runtime.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "support.inbox")
public interface InboxConfig {

    /** First wait before an event whose handling failed is tried again; doubles up to {@link #maxBackoff()}. */
    @WithDefault("PT0.1S")
    Duration firstBackoff();

    @WithDefault("PT5S")
    Duration maxBackoff();

    /**
     * How long a failing event is retried before it goes to the dead-letter topic. Long enough to ride out a
     * database restart: a transient outage must not dead-letter valid events (the partition waits instead).
     */
    @WithDefault("PT2M")
    Duration retryFor();
}
