package io.supportsuite.tickets.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ViewCursorTest {

    @Test
    void cursorRoundTripsToTheMicrosecond() {
        ViewCursor cursor = new ViewCursor(Instant.parse("2026-03-01T10:00:00.123456Z"), 42);
        assertEquals(Optional.of(cursor), ViewCursor.read(cursor.write()));
        assertEquals("1772359200123456_42", cursor.write());
    }

    @Test
    void cursorBeforeTheEpochRoundTrips() {
        ViewCursor cursor = new ViewCursor(Instant.parse("1969-12-31T23:59:59.5Z"), 7);
        assertEquals(Optional.of(cursor), ViewCursor.read(cursor.write()));
    }

    @Test
    void cursorPastTheLastDeadline() {
        assertEquals(Optional.of(new ViewCursor(null, 9)), ViewCursor.read("none_9"));
        assertEquals("none_9", new ViewCursor(null, 9).write());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "42", "x_1", "1_x", "1_2_3", "none_" })
    void anythingElseIsNoCursor(String value) {
        assertEquals(Optional.empty(), ViewCursor.read(value));
    }
}
