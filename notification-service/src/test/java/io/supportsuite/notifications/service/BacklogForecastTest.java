package io.supportsuite.notifications.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** N1: the ETA under-promises — the backlog forecast when the team cannot make the deadline, never earlier. */
class BacklogForecastTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private final BacklogForecast forecast = new BacklogForecast(Duration.ofHours(1), 3);

    @Test
    void n1ForecastIsWaitingTicketsOverTheRecentAnswerRate() {
        // 6 answered in the last hour = 1 per 10 min; 12 waiting -> 120 min.
        assertEquals(NOW.plus(Duration.ofMinutes(120)), forecast.forecast(NOW, 12, 6));
        assertEquals(NOW.plus(Duration.ofMinutes(20)), forecast.forecast(NOW, 1, 3));
    }

    @Test
    void n1ForecastRoundsUpToTheSecond() {
        assertEquals(NOW.plusSeconds(1200), forecast.forecast(NOW, 1, 3));
        assertEquals(NOW.plusSeconds(515), forecast.forecast(NOW, 1, 7)); // 514.28 s -> 515 s
    }

    @Test
    void n1TooFewRecentAnswersGiveNoForecast() {
        assertNull(forecast.forecast(NOW, 5, 2));
        assertNull(forecast.forecast(NOW, 5, 0));
        assertNull(forecast.forecast(NOW, 0, 10));
    }

    @Test
    void n1PromiseIsTheLaterOfDeadlineAndForecast() {
        Instant deadline = NOW.plus(Duration.ofHours(10));
        assertEquals(deadline, BacklogForecast.promise(deadline, null));
        assertEquals(deadline, BacklogForecast.promise(deadline, NOW.plus(Duration.ofHours(2))));
        assertEquals(NOW.plus(Duration.ofHours(11)), BacklogForecast.promise(deadline, NOW.plus(Duration.ofHours(11))));
    }
}
