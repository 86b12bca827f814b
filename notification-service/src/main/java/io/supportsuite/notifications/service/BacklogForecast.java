package io.supportsuite.notifications.service;

import java.time.Duration;
import java.time.Instant;

/**
 * N1: when can the team answer, given its live backlog? The tickets waiting for a first answer divided by
 * the rate the team answered at over the recent window. Too few recent answers to know a rate: no
 * forecast (the deadline stands). The promise is the later of deadline and forecast, never earlier.
 */
public record BacklogForecast(Duration window, long minAnswers) {

    /** @return the forecast answer time, or null when the recent answers are too few to estimate */
    public Instant forecast(Instant now, long waiting, long answeredInWindow) {
        if (answeredInWindow < Math.max(1, minAnswers) || waiting <= 0) {
            return null;
        }
        long seconds = (long) Math.ceil(waiting * (double) window.toSeconds() / answeredInWindow);
        return now.plusSeconds(seconds);
    }

    /** The ETA the customer is promised: the deadline, or the forecast when that is later. */
    public static Instant promise(Instant deadline, Instant forecast) {
        return forecast != null && forecast.isAfter(deadline) ? forecast : deadline;
    }
}
