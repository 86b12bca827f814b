package io.supportsuite.events;

/** Kafka topic names of ARCHITECTURE.md. Every topic has a dead-letter twin: name + {@link #DLQ_SUFFIX}. */
public final class Topics {

    /** Normalised customer messages, keyed by conversation key ({@code channel:thread}). */
    public static final String INBOUND = "support.inbound.v1";
    /** Live contacts (calls, chats) ringing, answered, abandoned; keyed by contact id. */
    public static final String CONTACT = "support.contact.v1";
    /**
     * Ticket lifecycle, relayed from ticket-service's outbox; keyed by ticket id. Customer merges and un-merges (C2) travel
     * here too, keyed by the kept customer's id: every consumer of tickets needs them.
     */
    public static final String TICKETS = "support.tickets.v1";
    /** SLA clock stages from sla-monitor; keyed by ticket id. */
    public static final String SLA = "support.sla.v1";
    /** Commands to send a message to a customer; keyed by ticket (or customer) id. */
    public static final String OUTBOUND = "support.outbound.v1";
    /** Delivery outcomes of outbound messages; keyed by the outbound idempotency key. */
    public static final String DELIVERY = "support.delivery.v1";

    public static final String DLQ_SUFFIX = ".dlq";

    /** Every topic the suite uses, in flow order (without the dead-letter twins). */
    public static final String[] ALL = { INBOUND, CONTACT, TICKETS, SLA, OUTBOUND, DELIVERY };

    private Topics() {
    }
}
