package io.supportsuite.sla.service;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.supportsuite.events.common.CustomerRef;
import io.supportsuite.sla.calendar.CalendarTime;
import io.supportsuite.sla.clock.SlaClock;
import io.supportsuite.sla.calendar.WorkingCalendar;
import io.supportsuite.sla.config.SlaConfig;

/**
 * Which promise a ticket gets (R1, R6) and how its clock counts time. Calendar time for every policy in
 * the spine; a business-hours calendar per policy plugs in here.
 */
@ApplicationScoped
public class Policies {

    /** A policy as a new clock takes it over: name, budget, warning stages (R4) and calendar. */
    public record Policy(String name, Duration budget, List<Integer> warningPercents, WorkingCalendar calendar) {
    }

    private final SlaConfig config;

    public Policies(SlaConfig config) {
        this.config = config;
    }

    /** R1 for everyone, R6's tighter budget for a VIP customer. */
    public Policy firstResponse(CustomerRef customer) {
        boolean vip = customer != null && config.vipSegment().equalsIgnoreCase(String.valueOf(customer.segment()));
        return vip ? new Policy(SlaClock.POLICY_VIP, config.vipFirstResponse(), config.warningPercents(), calendarTime())
                : new Policy(SlaClock.POLICY_DEFAULT, config.firstResponse(), config.warningPercents(), calendarTime());
    }

    /** How a running clock counts time: the calendar of the policy it started with. */
    public WorkingCalendar calendarOf(SlaClock clock) {
        return calendarTime();
    }

    private static WorkingCalendar calendarTime() {
        return CalendarTime.INSTANCE;
    }
}
