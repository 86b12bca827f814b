package io.supportsuite.tickets.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.supportsuite.tickets.routing.Assignment.Candidate;
import io.supportsuite.tickets.routing.Assignment.Waiting;

class AssignmentTest {

    private static final UUID TEAM = UUID.randomUUID();
    private static final UUID OTHER_TEAM = UUID.randomUUID();

    private static UUID id(int n) {
        return new UUID(0, n);
    }

    private static Candidate agent(int n, int load, Set<String> channels, Set<String> languages, UUID... teams) {
        return new Candidate(id(n), load, Set.of(teams), channels, languages);
    }

    private static Waiting ticket(int n, String channel, String language) {
        return new Waiting(id(100 + n), TEAM, channel, language, null);
    }

    @Test
    void leastLoadedAgentOfTheTeamTakesTheTicket() {
        Map<UUID, UUID> plan = Assignment.plan(List.of(ticket(1, "email", "en")),
                List.of(agent(1, 2, Set.of(), Set.of(), TEAM), agent(2, 1, Set.of(), Set.of(), TEAM), agent(3, 0, Set.of(), Set.of(), OTHER_TEAM)), 10);
        assertEquals(Map.of(id(101), id(2)), plan);
    }

    @Test
    void channelAndLanguageSkillsDecideNoneMeansAny() {
        List<Candidate> agents = List.of(agent(1, 0, Set.of("chat"), Set.of(), TEAM), agent(2, 5, Set.of("email"), Set.of("hy"), TEAM),
                agent(3, 1, Set.of(), Set.of("en"), TEAM));
        assertEquals(id(2), Assignment.plan(List.of(ticket(1, "email", "hy")), agents, 10).get(id(101)));
        assertEquals(id(3), Assignment.plan(List.of(ticket(1, "email", "en")), agents, 10).get(id(101)));
        assertEquals(id(1), Assignment.plan(List.of(ticket(1, "chat", "lv")), agents, 10).get(id(101)));
        assertFalse(Assignment.plan(List.of(ticket(1, "voice", "lv")), agents, 10).containsKey(id(101)), "nobody has the skills");
    }

    @Test
    void nobodyGetsMoreThanTheCapAndTheRestWait() {
        List<Waiting> tickets = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tickets.add(ticket(i, "email", "en"));
        }
        Map<UUID, UUID> plan = Assignment.plan(tickets, List.of(agent(1, 1, Set.of(), Set.of(), TEAM), agent(2, 0, Set.of(), Set.of(), TEAM)), 3);
        assertEquals(5, plan.size(), "2 for the first agent, 3 for the second");
        assertEquals(2, plan.values().stream().filter(id(1)::equals).count());
        assertEquals(3, plan.values().stream().filter(id(2)::equals).count());
        assertEquals(List.of(id(100), id(101), id(102), id(103), id(104)), List.copyOf(plan.keySet()), "in the order served");
    }

    @Test
    void loadsStayBalancedWhileAssigning() {
        List<Waiting> tickets = List.of(ticket(1, "email", "en"), ticket(2, "email", "en"), ticket(3, "email", "en"), ticket(4, "email", "en"));
        Map<UUID, UUID> plan = Assignment.plan(tickets, List.of(agent(1, 0, Set.of(), Set.of(), TEAM), agent(2, 0, Set.of(), Set.of(), TEAM)), 10);
        assertEquals(List.of(id(1), id(2), id(1), id(2)), List.copyOf(plan.values()));
    }

    @Test
    void vipGoesToTheirPersonalAgentWhileTheyHaveRoomElseToTheTeam_R6() {
        Candidate personal = agent(7, 2, Set.of("chat"), Set.of(), OTHER_TEAM);
        Candidate teamAgent = agent(1, 0, Set.of(), Set.of(), TEAM);
        Waiting vip = new Waiting(id(200), TEAM, "email", "en", personal.id());
        Waiting vip2 = new Waiting(id(201), TEAM, "email", "en", personal.id());
        assertEquals(Map.of(id(200), id(7), id(201), id(1)), Assignment.plan(List.of(vip, vip2), List.of(personal, teamAgent), 3),
                "personal agent first, whatever their skills, up to the cap");
        Waiting vipWithoutTeam = new Waiting(id(202), null, "email", "en", id(99));
        assertFalse(Assignment.plan(List.of(vipWithoutTeam), List.of(teamAgent), 3).containsKey(id(202)),
                "personal agent away and no team: it waits");
    }
}
