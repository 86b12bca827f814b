package io.supportsuite.notifications.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** N8: a failing ops webhook is retried with doubling, capped waits. */
class AlertBackoffTest {

    private static final Duration FIRST = Duration.ofSeconds(2);
    private static final Duration MAX = Duration.ofMinutes(5);

    @Test
    void n8BackoffDoublesFromTheFirstWaitAndStopsAtTheCap() {
        assertEquals(Duration.ofSeconds(2), AlertDelivery.backoff(1, FIRST, MAX));
        assertEquals(Duration.ofSeconds(4), AlertDelivery.backoff(2, FIRST, MAX));
        assertEquals(Duration.ofSeconds(8), AlertDelivery.backoff(3, FIRST, MAX));
        assertEquals(Duration.ofSeconds(256), AlertDelivery.backoff(8, FIRST, MAX));
        assertEquals(MAX, AlertDelivery.backoff(9, FIRST, MAX));
        assertEquals(MAX, AlertDelivery.backoff(1000, FIRST, MAX));
    }
}
