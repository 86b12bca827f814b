package io.supportsuite.tickets.live;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The live stream's limits. */
@ConfigMapping(prefix = "tickets.live")
public interface LiveConfig {

    /**
     * How long the stream waits for this service's SLA consumer to have applied an SLA event (its inbox row)
     * before reading the ticket's new standing; after that it sends what the database holds.
     */
    @WithDefault("PT10S")
    Duration slaSettleWait();

    /** How often it looks during that wait. */
    @WithDefault("PT0.05S")
    Duration slaSettlePoll();

    /** A comment line this often keeps idle connections open through proxies. */
    @WithDefault("PT20S")
    Duration heartbeat();

    /** Changes buffered for a client that reads slower than they come; past that its stream ends and it reconnects. */
    @WithDefault("1000")
    int clientBuffer();

    /** Most tickets one stream may name. */
    @WithDefault("200")
    int maxTickets();
}
