package io.supportsuite.sla.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What ops see: the live stream and the reports (R4, M1, M2). */
@ConfigMapping(prefix = "sla.ops")
public interface OpsConfig {

    /** A comment line on an idle live stream this often, so proxies and browsers keep the connection. */
    @WithDefault("PT15S")
    Duration heartbeat();

    /** Events buffered for one slow stream client before it is dropped (the browser reconnects and reloads). */
    @WithDefault("512")
    int clientBuffer();

    /** M2: the time zone the hour-of-week volume is counted in when a request names none. */
    @WithDefault("UTC")
    String zone();

    /** M2 and compliance reports: the period when a request names none. */
    @WithDefault("P7D")
    Duration period();
}
