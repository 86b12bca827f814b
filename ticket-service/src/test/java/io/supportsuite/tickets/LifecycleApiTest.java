package io.supportsuite.tickets;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.devstack.testing.Reactive;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.ticket.TicketAutoSolveDue;
import io.supportsuite.events.ticket.TicketCsatRecorded;
import io.supportsuite.events.ticket.TicketNpsRecorded;
import io.supportsuite.events.ticket.TicketStatusChanged;
import io.supportsuite.tickets.service.AutoClose;
import jakarta.inject.Inject;

/** The lifecycle through the API: the transition table, on hold, the auto-close job, and the timeline of it all (C7). */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class LifecycleApiTest {

    private static final String PROBLEM = "application/problem+json";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @Inject
    MovableClock clock;

    @Inject
    AutoClose autoClose;

    TicketFixture fixture;

    @BeforeEach
    void open() {
        fixture = new TicketFixture(bootstrap, mapper);
    }

    @AfterEach
    void close() {
        clock.reset();
        fixture.close();
    }

    @Test
    void onHoldWaitsOnAThirdPartyAndEveryMoveIsAnEventAndATimelineLine_C7() {
        String id = fixture.newTicket().ticketId();
        fixture.status(id, "on_hold", "agent-1").statusCode(200).body("status", equalTo("on_hold"));
        fixture.status(id, "open", "agent-1").statusCode(200);
        fixture.status(id, "pending", "agent-2").statusCode(200);
        fixture.status(id, "solved", "agent-2").statusCode(200);

        await().atMost(TicketFixture.WAIT).untilAsserted(() -> assertEquals(
                List.of("new>on_hold", "on_hold>open", "open>pending", "pending>solved"), moves(id)));
        JsonPath ticket = fixture.ticket(id).statusCode(200).extract().jsonPath();
        assertEquals(List.of("message", "status_changed", "status_changed", "status_changed", "status_changed"),
                ticket.getList("timeline.kind"));
        assertEquals(List.of("new", "on_hold", "open", "pending"), ticket.getList("timeline.details.from").subList(1, 5));
        assertEquals(List.of("on_hold", "open", "pending", "solved"), ticket.getList("timeline.details.to").subList(1, 5));
        assertEquals("agent-2", ticket.getString("timeline[4].actorId"));
        assertEquals(1, ticket.getList("messages").size(), "the transcript keeps only messages");
    }

    @Test
    void refusedTransitionIsConflictNamingItAndChangesNothing() {
        String id = fixture.newTicket().ticketId();
        fixture.status(id, "on_hold", null).statusCode(200);
        fixture.status(id, "closed", "agent-1").statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("/invalid-transition"))
                .body("detail", containsString("from on_hold to closed"));
        fixture.status(id, "on_hold", "agent-1").statusCode(409).body("detail", containsString("from on_hold to on_hold"));

        fixture.ticket(id).body("status", equalTo("on_hold")).body("timeline.size()", equalTo(2));
        await().pollDelay(TicketFixture.QUIET).atMost(TicketFixture.WAIT)
                .untilAsserted(() -> assertEquals(List.of("new>on_hold"), moves(id)));
    }

    @Test
    void solvedTicketClosesByItselfOnceTheReopenWindowHasPassedUnlessReopened_C3() {
        String solved = fixture.newTicket().ticketId();
        String reopened = fixture.newTicket().ticketId();
        fixture.status(solved, "solved", "agent-1").statusCode(200);
        fixture.status(reopened, "solved", "agent-1").statusCode(200);
        fixture.status(reopened, "open", "agent-1").statusCode(200);

        // Closing after 4 days (the default) would refuse the customer the 7-day reopen window (C3): 7 days it is.
        clock.advance(Duration.ofDays(7).minusMinutes(1));
        await().pollDelay(Duration.ofSeconds(3)).atMost(TicketFixture.WAIT)
                .untilAsserted(() -> fixture.ticket(solved).body("status", equalTo("solved")));

        clock.advance(Duration.ofMinutes(2));
        await().atMost(TicketFixture.WAIT).untilAsserted(() -> fixture.ticket(solved).body("status", equalTo("closed")));
        fixture.ticket(reopened).body("status", equalTo("open"));

        TicketStatusChanged closed = fixture.event(Topics.TICKETS, EventTypes.TICKET_STATUS_CHANGED, TicketStatusChanged.class,
                e -> solved.equals(e.ticketId()) && "closed".equals(e.to()));
        assertEquals("solved", closed.from());
        assertEquals("auto_closed", closed.reason());
        JsonPath ticket = fixture.ticket(solved).extract().jsonPath();
        assertEquals("auto_closed", ticket.getString("timeline[-1].details.reason"));
        assertEquals(null, ticket.getString("timeline[-1].actorId"));
    }

    @Test
    void concurrentAutoCloseRunsCloseEachTicketOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = fixture.newTicket().ticketId();
            fixture.status(id, "solved", null).statusCode(200);
            ids.add(id);
        }
        clock.advance(Duration.ofDays(8)); // past the reopen window, see above
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(() -> Reactive.await(autoClose::closeDue)));
            }
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        for (String id : ids) {
            fixture.ticket(id).body("status", equalTo("closed"));
        }
        await().pollDelay(TicketFixture.QUIET).atMost(TicketFixture.WAIT).untilAsserted(() -> {
            for (String id : ids) {
                assertEquals(List.of("new>solved", "solved>closed"), moves(id), "closed once: " + id);
            }
        });
    }

    @Test
    void unansweredReminderSolvesAPendingTicketOnlyOnce_N3() {
        String pending = fixture.newTicket().ticketId();
        String answered = fixture.newTicket().ticketId();
        fixture.status(pending, "pending", "agent-1").statusCode(200);
        fixture.status(answered, "pending", "agent-1").statusCode(200);
        fixture.status(answered, "open", "agent-1").statusCode(200); // the customer wrote back meanwhile
        Instant reminded = Instant.now().minus(Duration.ofDays(7));
        TicketAutoSolveDue due = new TicketAutoSolveDue(pending, reminded, Instant.now());
        fixture.request(pending, EventTypes.TICKET_AUTO_SOLVE_DUE, due);
        fixture.request(pending, EventTypes.TICKET_AUTO_SOLVE_DUE, due); // a second request changes nothing
        fixture.request(answered, EventTypes.TICKET_AUTO_SOLVE_DUE, new TicketAutoSolveDue(answered, reminded, Instant.now()));

        await().atMost(TicketFixture.WAIT).untilAsserted(() -> fixture.ticket(pending).body("status", equalTo("solved")));
        TicketStatusChanged solved = fixture.events(EventTypes.TICKET_STATUS_CHANGED, pending, TicketStatusChanged.class,
                TicketFixture.QUIET).stream().filter(c -> "solved".equals(c.to())).findFirst().orElseThrow();
        assertEquals("auto_solved", solved.reason());
        assertEquals(List.of("new>pending", "pending>solved"), moves(pending));
        fixture.ticket(answered).body("status", equalTo("open"));
        assertEquals(List.of("new>pending", "pending>open"), moves(answered));
    }

    @Test
    void theCustomersSatisfactionAnswerShowsOnTheTicket_N5() {
        String solved = fixture.newTicket().ticketId();
        fixture.status(solved, "solved", "agent-1").statusCode(200);
        Instant answered = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TicketCsatRecorded csat = new TicketCsatRecorded(solved, "agent-1", 4, " Quick and kind ", answered);
        fixture.request(solved, EventTypes.TICKET_CSAT_RECORDED, csat);
        fixture.request(solved, EventTypes.TICKET_CSAT_RECORDED, csat); // redelivered: still one line
        // an older answer arriving late does not replace the newer one
        fixture.request(solved, EventTypes.TICKET_CSAT_RECORDED,
                new TicketCsatRecorded(solved, "agent-1", 1, "stale", answered.minusSeconds(60)));

        await().atMost(TicketFixture.WAIT).untilAsserted(() -> fixture.ticket(solved)
                .body("csat.score", equalTo(4))
                .body("csat.comment", equalTo("Quick and kind"))
                .body("timeline.findAll { it.kind == 'csat_recorded' }.size()", equalTo(1))
                .body("timeline.find { it.kind == 'csat_recorded' }.text", equalTo("Customer rated 4/5: Quick and kind")));
        await().pollDelay(TicketFixture.QUIET).atMost(TicketFixture.WAIT).untilAsserted(() -> fixture.ticket(solved)
                .body("csat.score", equalTo(4))
                .body("timeline.findAll { it.kind == 'csat_recorded' }.size()", equalTo(1)));
        fixture.ticket(fixture.newTicket().ticketId()).body("csat", nullValue());
    }

    @Test
    void n5NpsAnswerIsShownOnTheTicketAndItsTimelineOnce() {
        String ticketId = fixture.newTicket().ticketId();
        fixture.status(ticketId, "solved", "agent-1").statusCode(200);
        Instant answered = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TicketNpsRecorded nps = new TicketNpsRecorded(ticketId, "cust-1", "agent-1", 9, " Would recommend ", answered);
        fixture.request(ticketId, EventTypes.TICKET_NPS_RECORDED, nps);
        fixture.request(ticketId, EventTypes.TICKET_NPS_RECORDED, nps); // redelivered: still one line
        fixture.request(ticketId, EventTypes.TICKET_NPS_RECORDED,
                new TicketNpsRecorded(ticketId, "cust-1", "agent-1", 2, "stale", answered.minusSeconds(60)));

        await().atMost(TicketFixture.WAIT).untilAsserted(() -> fixture.ticket(ticketId)
                .body("nps.score", equalTo(9))
                .body("nps.comment", equalTo("Would recommend"))
                .body("csat", nullValue()) // an NPS answer is not a CSAT score
                .body("timeline.findAll { it.kind == 'nps_recorded' }.size()", equalTo(1))
                .body("timeline.find { it.kind == 'nps_recorded' }.text", equalTo("Customer's NPS answer 9/10: Would recommend")));
        await().pollDelay(TicketFixture.QUIET).atMost(TicketFixture.WAIT).untilAsserted(() -> fixture.ticket(ticketId)
                .body("nps.score", equalTo(9))
                .body("timeline.findAll { it.kind == 'nps_recorded' }.size()", equalTo(1)));
        fixture.ticket(fixture.newTicket().ticketId()).body("nps", nullValue());
    }

    private List<String> moves(String id) {
        return fixture.events(EventTypes.TICKET_STATUS_CHANGED, id, TicketStatusChanged.class, Duration.ofMillis(300)).stream()
                .map(c -> c.from() + ">" + c.to()).toList();
    }
}
