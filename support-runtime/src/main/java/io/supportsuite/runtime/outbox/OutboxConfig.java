package io.supportsuite.runtime.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "support.outbox")
public interface OutboxConfig {

    /** Rows relayed per transaction. */
    @WithDefault("500")
    int batchSize();

    /** How long the relay waits for a NOTIFY before it looks anyway (a missed wake-up costs at most this). */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** Readiness turns DOWN when the oldest unrelayed event is older than this. */
    @WithDefault("PT1M")
    Duration maxLag();

    /** How long the relay waits for the broker to acknowledge a batch before it retries it. */
    @WithDefault("PT30S")
    Duration sendTimeout();
}
