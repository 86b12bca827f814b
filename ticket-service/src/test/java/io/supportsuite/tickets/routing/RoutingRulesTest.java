package io.supportsuite.tickets.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.supportsuite.tickets.routing.RoutingRules.Decision;
import io.supportsuite.tickets.routing.RoutingRules.Facts;
import io.supportsuite.tickets.routing.RoutingRules.Rule;
import io.supportsuite.tickets.routing.RoutingRules.Settings;

class RoutingRulesTest {

    private static final Settings NONE = settings(List.of(), null);

    private static Settings settings(List<Rule> rules, String defaultTeam) {
        return new Settings("normal", "vip", "high", 2, "high", rules, defaultTeam);
    }

    private static Facts mail(String subject, String text) {
        return new Facts("email", subject, text, null, false, "standard");
    }

    @Test
    void plainTicketKeepsTheDefaultPriorityAndNoTeam() {
        assertEquals(new Decision("normal", null), RoutingRules.decide(mail("Hello", "A question"), NONE));
    }

    @Test
    void vipCustomerIsHigh_R6() {
        assertEquals("high", RoutingRules.decide(new Facts("email", "Hi", "x", null, false, "vip"), NONE).priority());
        assertEquals("high", RoutingRules.decide(new Facts("email", "Hi", "x", null, false, "VIP"), NONE).priority());
    }

    @Test
    void reviewRatedTwoOrLessOrFlaggedIsHigh_R7() {
        assertEquals("high", RoutingRules.decide(new Facts("review", "r", "bad", 1, false, "standard"), NONE).priority());
        assertEquals("high", RoutingRules.decide(new Facts("review", "r", "meh", 2, false, "standard"), NONE).priority());
        assertEquals("normal", RoutingRules.decide(new Facts("review", "r", "ok", 3, false, "standard"), NONE).priority());
        assertEquals("high", RoutingRules.decide(new Facts("review", "r", "ok", 5, true, "standard"), NONE).priority());
    }

    @Test
    void rulesMatchByChannelAndKeywordAndNeverLowerAPriority() {
        Settings s = settings(List.of(
                new Rule("a-outage", null, List.of("outage", "down"), "urgent", null),
                new Rule("b-phone", "voice", List.of(), null, "Phone desk"),
                new Rule("c-low", null, List.of("newsletter"), "low", "Marketing")), null);
        assertEquals(new Decision("urgent", null), RoutingRules.decide(mail("Site DOWN", "help"), s));
        assertEquals(new Decision("normal", "Phone desk"), RoutingRules.decide(new Facts("voice", "Call", null, null, false, null), s));
        assertEquals(new Decision("high", "Marketing"), RoutingRules.decide(new Facts("email", "newsletter", "", null, false, "vip"), s),
                "a low rule does not lower a VIP's priority, and still names its team");
        assertEquals(new Decision("urgent", "Phone desk"), RoutingRules.decide(new Facts("voice", "Outage", "", null, false, null), s));
    }

    @Test
    void firstRuleNamingATeamWinsElseTheDefaultTeam() {
        Settings s = settings(List.of(new Rule("a", null, List.of("refund"), null, "Billing"),
                new Rule("b", "email", List.of(), null, "Mail desk")), "Front desk");
        assertEquals("Billing", RoutingRules.decide(mail("Refund please", ""), s).team());
        assertEquals("Mail desk", RoutingRules.decide(mail("Hello", ""), s).team());
        assertEquals("Front desk", RoutingRules.decide(new Facts("chat", "Hello", "", null, false, null), s).team());
    }

    @Test
    void ruleWithoutCriteriaMatchesNothing() {
        Settings s = settings(List.of(new Rule("empty", null, List.of(), "urgent", "X")), null);
        assertEquals(new Decision("normal", null), RoutingRules.decide(mail("Anything", ""), s));
    }
}
