package io.supportsuite.tickets.ticket;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A ticket's lifecycle. Pending waits on the customer (R5: the SLA clocks pause); solved may reopen (C3);
 * closed is final.
 */
public enum TicketStatus {
    NEW, OPEN, PENDING, SOLVED, CLOSED;

    /** The lower-case name used in the API and in events. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The transitions an agent may make by hand. */
    public Set<TicketStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(OPEN, PENDING, SOLVED);
            case OPEN -> EnumSet.of(PENDING, SOLVED);
            case PENDING -> EnumSet.of(OPEN, SOLVED);
            case SOLVED -> EnumSet.of(OPEN, CLOSED);
            case CLOSED -> EnumSet.noneOf(TicketStatus.class);
        };
    }

    public boolean canMoveTo(TicketStatus to) {
        return next().contains(to);
    }

    public static Optional<TicketStatus> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(s -> s.wire().equals(value.trim().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** "new, open, pending, solved, closed", for error messages. */
    public static String names() {
        return Arrays.stream(values()).map(TicketStatus::wire).collect(Collectors.joining(", "));
    }
}
