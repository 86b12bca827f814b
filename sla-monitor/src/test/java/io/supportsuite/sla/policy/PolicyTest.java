package io.supportsuite.sla.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.supportsuite.sla.calendar.CalendarTime;
import io.supportsuite.sla.calendar.WorkingCalendar;

/** Which policy a ticket gets (R1, R6) and how a clock's calendar is kept. */
class PolicyTest {

    private static final Policy DEFAULT = new Policy("default", 1000, null, null, null, null, null,
            Map.of("first_response", Duration.ofHours(10)), List.of(50, 80));
    private static final Policy VIP = new Policy("vip", 100, null, null, List.of("VIP"), null, null,
            Map.of("first_response", Duration.ofHours(2)), List.of(50, 80));
    private static final Policy URGENT_CHAT = new Policy("urgent-chat", 50, List.of("chat", "whatsapp"),
            List.of("urgent", "high"), null, List.of("billing"), "riga-office",
            Map.of("first_response", Duration.ofMinutes(30), "resolution", Duration.ofHours(8)), List.of(75));
    private static final List<Policy> ALL = List.of(DEFAULT, VIP, URGENT_CHAT);

    private static String chosen(String kind, String channel, String priority, String segment, String team) {
        return Policy.choose(ALL, kind, new TicketFacts(channel, priority, segment, team)).map(Policy::name).orElse(null);
    }

    @Test
    void everyTicketGetsTheDefaultTenHourPolicy() {
        assertEquals("default", chosen("first_response", "email", "normal", "standard", null));
        assertEquals("default", chosen("first_response", null, null, null, null));
    }

    @Test
    void aVipCustomerGetsTheVipPolicyWhateverTheCase() {
        assertEquals("vip", chosen("first_response", "email", "normal", "vip", null));
        assertEquals("vip", chosen("first_response", "email", "normal", "Vip", null));
    }

    @Test
    void theLowestRankAmongMatchingPoliciesWins() {
        assertEquals("urgent-chat", chosen("first_response", "chat", "high", "vip", "billing"));
        assertEquals("vip", chosen("first_response", "chat", "high", "vip", "sales"), "team must match too");
        assertEquals("default", chosen("first_response", "email", "high", "standard", "billing"), "channel must match");
    }

    @Test
    void onlyPoliciesWithATargetForTheKindApply() {
        assertEquals("urgent-chat", chosen("resolution", "chat", "urgent", null, "billing"));
        assertEquals(null, chosen("resolution", "email", "urgent", null, "billing"), "resolution is optional per policy");
        assertEquals(Optional.empty(), Policy.choose(List.of(), "first_response", new TicketFacts(null, null, null, null)));
    }

    @Test
    void aClockKeepsItsCalendarAsASpecThatRebuildsIt() {
        CalendarDefinition riga = new CalendarDefinition("riga-office", "Europe/Riga", "MON-FRI 09:00-17:00",
                List.of(LocalDate.parse("2026-11-18"), LocalDate.parse("2026-06-23")));
        String spec = riga.spec();
        assertEquals("Europe/Riga|MON 09:00-17:00; TUE 09:00-17:00; WED 09:00-17:00; THU 09:00-17:00; FRI 09:00-17:00|"
                + "2026-06-23,2026-11-18", spec);
        WorkingCalendar rebuilt = CalendarDefinition.fromSpec(spec);
        Instant tuesday = Instant.parse("2026-11-17T11:00:00Z"); // 13:00 in Riga
        assertEquals(riga.toCalendar().plus(tuesday, Duration.ofHours(10)), rebuilt.plus(tuesday, Duration.ofHours(10)));
        assertEquals(Instant.parse("2026-11-19T13:00:00Z"), rebuilt.plus(tuesday, Duration.ofHours(10)));
        assertEquals(CalendarTime.INSTANCE, CalendarDefinition.fromSpec(CalendarDefinition.CALENDAR_TIME));
    }

    @Test
    void aCalendarWithAnUnknownZoneOrBadHoursIsRejected() {
        IllegalArgumentException zone = assertThrows(IllegalArgumentException.class,
                () -> new CalendarDefinition("x", "Mars/Olympus", "MON 09:00-17:00", null).toCalendar());
        assertTrue(zone.getMessage().contains("Mars/Olympus"));
        assertThrows(IllegalArgumentException.class, () -> new CalendarDefinition("x", "UTC", "weekdays", null).toCalendar());
    }
}
