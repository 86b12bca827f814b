package io.supportsuite.tickets.canned;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    private static final Map<String, String> VALUES = Map.of(Placeholders.CUSTOMER_NAME, "Grace", Placeholders.TICKET_NUMBER, "42",
            Placeholders.AGENT_NAME, "Ada", Placeholders.AGENT_TEAM, "Billing");

    @Test
    void fillsCustomerTicketAgentAndTeam_C5_N7() {
        assertEquals("Hi Grace, ticket #42. Ada, Billing team",
                Placeholders.fill("Hi {{customer.name}}, ticket #{{ticket.number}}. {{agent.name}}, {{agent.team}} team", VALUES));
    }

    @Test
    void spacesInsideTheBracesAndRepeatsAreFine() {
        assertEquals("Grace Grace", Placeholders.fill("{{ customer.name }} {{customer.name}}", VALUES));
    }

    @Test
    void unknownPlaceholdersStayAsWritten() {
        assertEquals("{{order.id}} and {single}", Placeholders.fill("{{order.id}} and {single}", VALUES));
    }

    @Test
    void knownPlaceholderWithoutValueFallsBackSoNoBracesReachTheCustomer() {
        assertEquals("Hi there, from Support", Placeholders.fill("Hi {{customer.name}}, from {{agent.team}}", Map.of()));
    }

    @Test
    void valuesWithDollarSignsAndBackslashesAreCopiedLiterally() {
        assertEquals("Hi $1 \\o/", Placeholders.fill("Hi {{customer.name}}", Map.of(Placeholders.CUSTOMER_NAME, "$1 \\o/")));
    }

    @Test
    void textWithoutPlaceholdersIsUnchangedAndNullStaysNull() {
        assertEquals("Plain text.", Placeholders.fill("Plain text.", VALUES));
        assertEquals(null, Placeholders.fill(null, VALUES));
    }
}
