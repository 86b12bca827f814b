package io.supportsuite.sla.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The promises' numbers (RULEBOOK.md) and how the firing loop waits for them. */
@ConfigMapping(prefix = "sla")
public interface SlaConfig {

    /** R1: first human response within this much calendar time of the ticket's arrival. */
    @WithDefault("PT10H")
    Duration firstResponse();

    /** R6: the tighter first-response budget of a VIP customer. */
    @WithDefault("PT2H")
    Duration vipFirstResponse();

    /** R6: the customer segment that gets the VIP policy. */
    @WithDefault("vip")
    String vipSegment();

    /** R4: warnings at these percentages of the budget; the breach is always at 100 %. */
    @WithDefault("50,80")
    List<Integer> warningPercents();

    Firing firing();

    interface Firing {

        /** Longest sleep of the firing loop: bounds the cost of a missed wake-up. */
        @WithDefault("PT1S")
        Duration maxWait();

        /** Clocks claimed per transaction. */
        @WithDefault("100")
        int batchSize();

        /** Wait before looking again at due clocks another instance (or a consumer) holds locked. */
        @WithDefault("PT0.05S")
        Duration lockedRetry();

        /** How often the running-clocks gauge is recounted from the database. */
        @WithDefault("PT5S")
        Duration gaugeRefresh();
    }
}
