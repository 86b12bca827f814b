package io.supportsuite.gateway.webhook;

import java.time.Duration;
import java.time.Instant;

/** A signed sending time outside the window around now is a replay (or a skewed clock): refused with 401. */
public final class Replay {

    private Replay() {
    }

    public static void check(Instant signedAt, Instant now, Duration maxAge) {
        Duration age = Duration.between(signedAt, now);
        if (age.abs().compareTo(maxAge) > 0) {
            throw WebhookRejection.stale("The request was signed at " + signedAt + ", more than " + maxAge.toMinutes()
                    + " minutes from now (" + now + "); a replay is refused");
        }
    }
}
