package io.supportsuite.tickets.service;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a view's page ends, for keyset pagination in (SLA deadline ascending, tickets without one last, then number):
 * written {@code <epoch micros>_<number>}, or {@code none_<number>} past the last deadline.
 */
public record ViewCursor(Instant deadline, long number) {

    private static final String NONE = "none";

    public String write() {
        return (deadline == null ? NONE : String.valueOf(deadline.getEpochSecond() * 1_000_000 + deadline.getNano() / 1_000)) + "_" + number;
    }

    public static Optional<ViewCursor> read(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.trim().split("_", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            long number = Long.parseLong(parts[1]);
            if (NONE.equals(parts[0])) {
                return Optional.of(new ViewCursor(null, number));
            }
            long micros = Long.parseLong(parts[0]);
            return Optional.of(new ViewCursor(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L),
                    number));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
