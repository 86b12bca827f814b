package io.supportsuite.tickets.canned;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a reply's placeholders (C5, N7): {@code {{customer.name}}}, {@code {{ticket.number}}}, {@code {{agent.name}}},
 * {@code {{agent.team}}}. Spaces inside the braces are allowed; an unknown placeholder is left as written, a known one
 * without a value becomes its fallback (so a customer never reads braces).
 */
public final class Placeholders {

    public static final String CUSTOMER_NAME = "customer.name";
    public static final String TICKET_NUMBER = "ticket.number";
    public static final String AGENT_NAME = "agent.name";
    public static final String AGENT_TEAM = "agent.team";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z]+\\.[a-zA-Z]+)\\s*}}");
    private static final Map<String, String> FALLBACK = Map.of(CUSTOMER_NAME, "there", TICKET_NUMBER, "", AGENT_NAME, "",
            AGENT_TEAM, "Support");

    private Placeholders() {
    }

    public static String fill(String template, Map<String, String> values) {
        if (template == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                value = FALLBACK.get(name);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
