package io.supportsuite.tickets.routing;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who takes which waiting ticket: a VIP's personal agent first when available with room (R6), otherwise the
 * least-loaded available agent of the ticket's team who has the channel and language skill; nobody is handed
 * more live tickets than the cap. Pure: the caller holds the agents' row locks while it applies the plan.
 */
public final class Assignment {

    /** An available agent, with the live tickets they hold now. No skill of a kind means any. */
    public record Candidate(UUID id, int load, Set<UUID> teams, Set<String> channels, Set<String> languages) {
        boolean skilled(String channel, String language) {
            return (channels.isEmpty() || channels.contains(channel)) && (languages.isEmpty() || languages.contains(language));
        }
    }

    /** A ticket waiting for an agent. */
    public record Waiting(UUID ticketId, UUID teamId, String channel, String language, UUID personalAgentId) {
    }

    private Assignment() {
    }

    /**
     * @param tickets in the order they are served (most urgent, then oldest first)
     * @return ticket id to agent id, for the tickets that found an agent
     */
    public static Map<UUID, UUID> plan(List<Waiting> tickets, List<Candidate> agents, int cap) {
        Map<UUID, Integer> load = new HashMap<>();
        Map<UUID, Candidate> byId = new HashMap<>();
        agents.forEach(a -> {
            load.put(a.id(), a.load());
            byId.put(a.id(), a);
        });
        Comparator<Candidate> leastLoaded = Comparator.<Candidate>comparingInt(a -> load.get(a.id())).thenComparing(Candidate::id);
        Map<UUID, UUID> plan = new LinkedHashMap<>();
        for (Waiting ticket : tickets) {
            Candidate personal = ticket.personalAgentId() == null ? null : byId.get(ticket.personalAgentId());
            Candidate chosen = personal != null && load.get(personal.id()) < cap ? personal
                    : ticket.teamId() == null ? null
                    : agents.stream()
                            .filter(a -> a.teams().contains(ticket.teamId()) && a.skilled(ticket.channel(), ticket.language())
                                    && load.get(a.id()) < cap)
                            .min(leastLoaded).orElse(null);
            if (chosen != null) {
                plan.put(ticket.ticketId(), chosen.id());
                load.merge(chosen.id(), 1, Integer::sum);
            }
        }
        return plan;
    }
}
