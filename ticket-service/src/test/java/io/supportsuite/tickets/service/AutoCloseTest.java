package io.supportsuite.tickets.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class AutoCloseTest {

    @Test
    void closesAfterTheConfiguredTimeWhenTheReopenWindowIsShorter() {
        assertEquals(Duration.ofDays(4), AutoClose.closeAfter(Duration.ofDays(4), Duration.ofDays(2)));
    }

    @Test
    void neverClosesWithinTheReopenWindow_C3() {
        assertEquals(Duration.ofDays(7), AutoClose.closeAfter(Duration.ofDays(4), Duration.ofDays(7)));
        assertEquals(Duration.ofDays(7), AutoClose.closeAfter(Duration.ofDays(7), Duration.ofDays(7)));
    }
}
