package io.supportsuite.tickets.ticket;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.supportsuite.tickets.ticket.TicketStatus.CLOSED;
import static io.supportsuite.tickets.ticket.TicketStatus.NEW;
import static io.supportsuite.tickets.ticket.TicketStatus.ON_HOLD;
import static io.supportsuite.tickets.ticket.TicketStatus.OPEN;
import static io.supportsuite.tickets.ticket.TicketStatus.PENDING;
import static io.supportsuite.tickets.ticket.TicketStatus.SOLVED;

/**
 * The transition table of a ticket's lifecycle: which status may follow which, and who may make the move.
 * An agent moves a ticket by hand; the system moves it when the customer writes (C3, R5), when a solved
 * ticket has waited long enough (auto-close) or when it is merged into another.
 */
public final class Lifecycle {

    /** Who asks for a transition. */
    public enum Trigger {
        /** An agent through the API. */
        AGENT,
        /** A customer message on the ticket: a pending or solved ticket opens again. */
        CUSTOMER_MESSAGE,
        /** The auto-close job: a solved ticket closes after the configured time. */
        AUTO_CLOSE,
        /** The ticket was merged into another: whatever its state, it closes. */
        MERGE
    }

    private static final Map<Trigger, Map<TicketStatus, Set<TicketStatus>>> TABLE = new EnumMap<>(Trigger.class);

    static {
        Map<TicketStatus, Set<TicketStatus>> agent = new EnumMap<>(TicketStatus.class);
        agent.put(NEW, EnumSet.of(OPEN, PENDING, ON_HOLD, SOLVED));
        agent.put(OPEN, EnumSet.of(PENDING, ON_HOLD, SOLVED));
        agent.put(PENDING, EnumSet.of(OPEN, ON_HOLD, SOLVED));
        agent.put(ON_HOLD, EnumSet.of(OPEN, PENDING, SOLVED));
        agent.put(SOLVED, EnumSet.of(OPEN, CLOSED));
        agent.put(CLOSED, EnumSet.noneOf(TicketStatus.class));
        TABLE.put(Trigger.AGENT, agent);

        Map<TicketStatus, Set<TicketStatus>> customer = new EnumMap<>(TicketStatus.class);
        customer.put(PENDING, EnumSet.of(OPEN));
        customer.put(SOLVED, EnumSet.of(OPEN));
        TABLE.put(Trigger.CUSTOMER_MESSAGE, customer);

        TABLE.put(Trigger.AUTO_CLOSE, new EnumMap<>(Map.of(SOLVED, EnumSet.of(CLOSED))));

        Map<TicketStatus, Set<TicketStatus>> merge = new EnumMap<>(TicketStatus.class);
        for (TicketStatus from : EnumSet.complementOf(EnumSet.of(CLOSED))) {
            merge.put(from, EnumSet.of(CLOSED));
        }
        TABLE.put(Trigger.MERGE, merge);
    }

    private Lifecycle() {
    }

    /** The statuses {@code trigger} may move a ticket in {@code from} to; empty when none. */
    public static Set<TicketStatus> next(TicketStatus from, Trigger trigger) {
        return Collections.unmodifiableSet(TABLE.get(trigger).getOrDefault(from, EnumSet.noneOf(TicketStatus.class)));
    }

    public static boolean allows(TicketStatus from, TicketStatus to, Trigger trigger) {
        return next(from, trigger).contains(to);
    }

    /** Why an agent's move is refused, naming the transition; empty when it is allowed. */
    public static Optional<String> refusal(TicketStatus from, TicketStatus to) {
        if (allows(from, to, Trigger.AGENT)) {
            return Optional.empty();
        }
        Set<TicketStatus> allowed = next(from, Trigger.AGENT);
        String hint = allowed.isEmpty() ? " (" + from.wire() + " is final)"
                : " (from " + from.wire() + " only to " + String.join(", ", allowed.stream().map(TicketStatus::wire).toList()) + ")";
        return Optional.of("cannot move from " + from.wire() + " to " + to.wire() + hint);
    }

    /** Where a customer message takes the ticket: open from pending or solved (C3, R5), otherwise it stays. */
    public static TicketStatus onCustomerMessage(TicketStatus from) {
        return allows(from, OPEN, Trigger.CUSTOMER_MESSAGE) ? OPEN : from;
    }
}
