package io.supportsuite.events;

/**
 * CloudEvent {@code ce_type} values. The version is part of the type: a breaking change is a new type,
 * and consumers of the old one keep working.
 */
public final class EventTypes {

    /** The {@code ce_specversion} every record carries. */
    public static final String SPEC_VERSION = "1.0";

    // support.inbound.v1
    public static final String MESSAGE_RECEIVED = "support.message.received.v1";

    // support.contact.v1
    public static final String CONTACT_OFFERED = "support.contact.offered.v1";
    public static final String CONTACT_RING = "support.contact.ring.v1";
    public static final String CONTACT_ANSWERED = "support.contact.answered.v1";
    public static final String CONTACT_ABANDONED = "support.contact.abandoned.v1";
    public static final String CALLBACK_REQUESTED = "support.callback.requested.v1";

    // support.tickets.v1
    public static final String TICKET_CREATED = "support.ticket.created.v1";
    public static final String TICKET_MESSAGE_ADDED = "support.ticket.message.added.v1";
    public static final String TICKET_REPLIED = "support.ticket.replied.v1";
    public static final String TICKET_NOTE_ADDED = "support.ticket.note.added.v1";
    public static final String TICKET_STATUS_CHANGED = "support.ticket.status.changed.v1";
    public static final String TICKET_ASSIGNED = "support.ticket.assigned.v1";
    public static final String TICKET_PRIORITY_CHANGED = "support.ticket.priority.changed.v1";
    public static final String TICKET_MERGED = "support.ticket.merged.v1";
    public static final String TICKET_ESCALATED = "support.ticket.escalated.v1";
    public static final String CALLBACK_SCHEDULED = "support.callback.scheduled.v1";
    public static final String CALLBACK_COMPLETED = "support.callback.completed.v1";
    public static final String TICKET_CSAT_RECORDED = "support.ticket.csat.recorded.v1";
    public static final String TICKET_TAGS_CHANGED = "support.ticket.tags.changed.v1";
    /** C2: customers merged and un-merged; on this topic, keyed by the kept customer's id (not a ticket id). */
    public static final String CUSTOMER_MERGED = "support.customer.merged.v1";
    public static final String CUSTOMER_UNMERGED = "support.customer.unmerged.v1";
    /** From notification-service: a pending ticket got its one reminder and no answer; solve it (N3). */
    public static final String TICKET_AUTO_SOLVE_DUE = "support.ticket.autosolve.due.v1";
    /** From notification-service: the customer's NPS answer (0–10) after this ticket (N5). */
    public static final String TICKET_NPS_RECORDED = "support.ticket.nps.recorded.v1";
    /** From ticket-service, keyed by agent id: an agent's name and e-mail address (a directory for other services). */
    public static final String AGENT_CHANGED = "support.agent.changed.v1";

    // support.sla.v1
    public static final String SLA_CLOCK_STARTED = "support.sla.clock.started.v1";
    public static final String SLA_CLOCK_PAUSED = "support.sla.clock.paused.v1";
    public static final String SLA_CLOCK_RESUMED = "support.sla.clock.resumed.v1";
    public static final String SLA_WARNING = "support.sla.warning.v1";
    public static final String SLA_BREACHED = "support.sla.breached.v1";
    public static final String SLA_MET = "support.sla.met.v1";

    // support.outbound.v1
    public static final String MESSAGE_SEND = "support.message.send.v1";

    // support.delivery.v1
    public static final String DELIVERY_SUCCEEDED = "support.delivery.succeeded.v1";
    public static final String DELIVERY_FAILED = "support.delivery.failed.v1";
    public static final String DELIVERY_BOUNCED = "support.delivery.bounced.v1";

    private EventTypes() {
    }
}
