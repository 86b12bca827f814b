package io.supportsuite.tickets.timeline;

/** The kinds of timeline lines; the SLA ones are named after the event received from support.sla.v1. */
public final class ActivityKind {

    /** Kinds of the lines made from the transcript. */
    public static final String MESSAGE = "message";
    public static final String REPLY = "reply";

    public static final String NOTE = "note";
    public static final String STATUS_CHANGED = "status_changed";
    public static final String ASSIGNED = "assigned";
    public static final String PRIORITY_CHANGED = "priority_changed";
    public static final String TAGS_CHANGED = "tags_changed";
    public static final String ESCALATED = "escalated";
    public static final String MERGED = "merged";
    public static final String CALLBACK_SCHEDULED = "callback.scheduled";
    public static final String CALLBACK_COMPLETED = "callback.completed";
    public static final String CUSTOMER_MERGED = "customer.merged";
    public static final String CUSTOMER_UNMERGED = "customer.unmerged";
    public static final String CSAT_RECORDED = "csat_recorded";
    public static final String NPS_RECORDED = "nps_recorded";

    public static final String SLA_CLOCK_STARTED = "sla.clock.started";
    public static final String SLA_CLOCK_PAUSED = "sla.clock.paused";
    public static final String SLA_CLOCK_RESUMED = "sla.clock.resumed";
    public static final String SLA_WARNING = "sla.warning";
    public static final String SLA_BREACHED = "sla.breached";
    public static final String SLA_MET = "sla.met";

    private ActivityKind() {
    }
}
