package io.supportsuite.tickets;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.devstack.testing.Reactive;
import io.supportsuite.events.Channels;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.ticket.TicketAssigned;
import io.supportsuite.events.ticket.TicketCreated;
import io.supportsuite.tickets.routing.Router;
import jakarta.inject.Inject;

/**
 * Routing: priority rules (R6 VIP, R7 negative reviews, rules by channel and keyword) and auto-assignment to the least-loaded
 * available agent of the team with the skills, up to the cap (3 in tests), fair under concurrency.
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class RoutingTest {

    /** The team the test rules send telegram messages to (application.properties, %test). */
    static final String TELEGRAM_DESK = "Telegram desk";
    static final int CAP = 3;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @Inject
    Router router;

    TicketFixture fixture;
    final List<String> available = new ArrayList<>();

    @BeforeEach
    void open() {
        fixture = new TicketFixture(bootstrap, mapper);
    }

    @AfterEach
    void close() {
        available.forEach(user -> TicketFixture.available(user, false));
        fixture.close();
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new agent of the teams, made available; answers their id. */
    private String availableAgent(String user, String... teams) {
        String id = fixture.agent(user, "Agent " + user, "agent", teams);
        TicketFixture.available(user, true);
        available.add(user);
        return id;
    }

    private TicketAssigned assignedTo(String ticketId, String agentId) {
        return fixture.event(Topics.TICKETS, EventTypes.TICKET_ASSIGNED, TicketAssigned.class,
                e -> ticketId.equals(e.ticketId()) && agentId.equals(e.assigneeId()));
    }

    private static long load(String agentId) {
        return given().get("/api/agents/{id}/routing", agentId).then().statusCode(200).extract().jsonPath().getLong("load");
    }

    /** Agent id to how many of these tickets were announced as assigned to them. */
    private Map<String, Long> assignments(List<String> tickets, Duration quiet) {
        Map<String, Long> byAssignee = new HashMap<>();
        for (String id : tickets) {
            fixture.events(EventTypes.TICKET_ASSIGNED, id, TicketAssigned.class, quiet).stream()
                    .filter(e -> e.assigneeId() != null).forEach(e -> byAssignee.merge(e.assigneeId(), 1L, Long::sum));
            quiet = Duration.ZERO;
        }
        return byAssignee;
    }

    @Test
    void channelRuleSendsTheTicketToItsTeamsLeastLoadedAvailableAgentWithTheSkills() {
        String desk = fixture.teamNamed(TELEGRAM_DESK);
        String anyLanguage = availableAgent(unique("tg-any"), desk);
        fixture.skills(anyLanguage, List.of(Channels.TELEGRAM), List.of());
        String english = availableAgent(unique("tg-en"), desk);
        fixture.skills(english, List.of(Channels.TELEGRAM), List.of("en"));
        String mailOnly = availableAgent(unique("tg-mail"), desk);
        fixture.skills(mailOnly, List.of(Channels.EMAIL), List.of());
        String away = fixture.agent(unique("tg-away"), "Away", "agent", desk);

        TicketCreated armenian = fixture.newTicket(fixture.mail().on(Channels.TELEGRAM).locale("hy"));
        assertEquals(desk, armenian.team(), "the channel rule names the team");
        assignedTo(armenian.ticketId(), anyLanguage);

        TicketCreated first = fixture.newTicket(fixture.mail().on(Channels.TELEGRAM).locale("en"));
        assignedTo(first.ticketId(), english); // the least loaded with the skills
        TicketCreated second = fixture.newTicket(fixture.mail().on(Channels.TELEGRAM).locale("en"));
        await().atMost(TicketFixture.WAIT).until(() -> fixture.ticket(second.ticketId()).extract().path("assigneeId") != null);
        String taker = fixture.ticket(second.ticketId()).extract().path("assigneeId");
        assertTrue(Set.of(anyLanguage, english).contains(taker), "neither the one without the channel skill nor the one away");
        assertEquals(0, load(mailOnly));
        assertEquals(0, load(away));
        assertEquals(3, load(anyLanguage) + load(english));
        fixture.ticket(first.ticketId()).body("timeline.kind[-1]", equalTo("assigned"));
    }

    @Test
    void capHoldsAndTheQueueMovesWhenTheAgentFreesRoom() {
        String team = fixture.team(unique("queue"));
        String agent = availableAgent(unique("capped"), team);
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < CAP + 1; i++) {
            String id = fixture.newTicket().ticketId();
            tickets.add(id);
            given().contentType(ContentType.JSON).body(Map.of("teamId", team)).put("/api/tickets/{id}/assignment", id).then().statusCode(200);
        }
        tickets.subList(0, CAP).forEach(id -> assignedTo(id, agent));
        String waiting = tickets.get(CAP);
        await().during(TicketFixture.QUIET).atMost(TicketFixture.WAIT).until(() -> load(agent) == CAP);
        fixture.ticket(waiting).body("assigneeId", equalTo(null)).body("teamId", equalTo(team));

        fixture.status(tickets.get(0), "solved", agent).statusCode(200);
        assignedTo(waiting, agent);
        assertEquals(CAP, load(agent));
    }

    @Test
    void vipCustomerIsHighAndGoesToTheirPersonalAgent_R6() {
        Mail first = fixture.mail();
        TicketCreated before = fixture.newTicket(first);
        assertEquals("normal", before.priority());
        String personal = availableAgent(unique("personal"));
        given().contentType(ContentType.JSON).body(Map.of("segment", "vip", "personalAgentId", personal))
                .put("/api/customers/{id}", before.customer().customerId()).then().statusCode(200)
                .body("segment", equalTo("vip")).body("personalAgentId", equalTo(personal));

        TicketCreated vip = fixture.newTicket(fixture.mail().from(first.address(), "Ann Example"));
        assertEquals("high", vip.priority());
        assignedTo(vip.ticketId(), personal);
    }

    @Test
    void negativeReviewIsHighAndAnOutageIsUrgentByRule_R7() {
        assertEquals("high", fixture.newTicket(fixture.mail().on(Channels.REVIEW).rated(1, false)).priority());
        assertEquals("high", fixture.newTicket(fixture.mail().on(Channels.REVIEW).rated(4, true)).priority());
        assertEquals("normal", fixture.newTicket(fixture.mail().on(Channels.REVIEW).rated(5, false)).priority());
        assertEquals("urgent", fixture.newTicket(fixture.mail().subject("Total outage since noon")).priority());
    }

    @Test
    void concurrentRoutingRoundsNeverHandAnAgentMoreThanTheCap() throws Exception {
        String team = fixture.team(unique("rush"));
        String user = unique("rushed");
        String agent = fixture.agent(user, "Rushed", "agent", team);
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String id = fixture.newTicket().ticketId();
            tickets.add(id);
            given().contentType(ContentType.JSON).body(Map.of("teamId", team)).put("/api/tickets/{id}/assignment", id).then().statusCode(200);
        }
        // Available without the endpoint's own round: then many rounds at once, as several instances would run them.
        Reactive.await(() -> Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                "UPDATE agent SET available = true WHERE id = :id").setParameter("id", UUID.fromString(agent)).executeUpdate())));
        available.add(user);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> rounds = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                rounds.add(pool.submit(() -> Reactive.await(router::drain)));
            }
            int assigned = 0;
            for (Future<Integer> round : rounds) {
                assigned += round.get();
            }
            assertTrue(assigned <= CAP, "the rounds together assigned " + assigned);
        } finally {
            pool.shutdown();
        }
        await().during(TicketFixture.QUIET).atMost(TicketFixture.WAIT).until(() -> load(agent) == CAP);
        await().atMost(TicketFixture.WAIT).until(() -> assignments(tickets, Duration.ofMillis(300)).values().stream().mapToLong(Long::longValue).sum() >= CAP);
        Map<String, Long> byAssignee = assignments(tickets, TicketFixture.QUIET);
        assertEquals(Map.of(agent, (long) CAP), byAssignee, "exactly the cap was handed out, each ticket once");
    }
}
