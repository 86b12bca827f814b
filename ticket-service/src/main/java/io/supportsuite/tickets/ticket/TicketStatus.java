package io.supportsuite.tickets.ticket;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A ticket's lifecycle states. Pending waits on the customer (R5: the SLA clocks pause); on hold waits on a
 * third party; solved may reopen (C3) and closes by itself later; closed is final. Which moves are allowed
 * is {@link Lifecycle}'s business.
 */
public enum TicketStatus {
    NEW, OPEN, PENDING, ON_HOLD, SOLVED, CLOSED;

    /** The lower-case name used in the API and in events ({@code on_hold}). */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TicketStatus> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.wire().equals(wanted)).findFirst();
    }

    /** "new, open, pending, on_hold, solved, closed", for error messages. */
    public static String names() {
        return Arrays.stream(values()).map(TicketStatus::wire).collect(Collectors.joining(", "));
    }
}
