package io.supportsuite.tickets;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.devstack.testing.Reactive;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.sla.ClockRef;
import io.supportsuite.events.sla.SlaBreached;
import io.supportsuite.events.sla.SlaClockStarted;
import io.supportsuite.events.sla.SlaWarning;
import jakarta.inject.Inject;

/** The console's views: mine, unassigned, team, at risk (R4), breached (R1); filters, SLA-deadline order, keyset pages. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class ViewsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    TicketFixture fixture;

    @BeforeEach
    void open() {
        fixture = new TicketFixture(bootstrap, mapper);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static ClockRef clock(String ticketId, Instant deadline) {
        return new ClockRef("clock-" + ticketId, ticketId, "first_response", "default", "email", "normal", deadline, 0, 36000);
    }

    private void tag(String ticketId, String tag) {
        given().contentType(ContentType.JSON).body(Map.of("tags", List.of(tag))).put("/api/tickets/{id}/tags", ticketId).then().statusCode(200);
    }

    private List<String> ids(String username, String view, Map<String, ?> query) {
        return TicketFixture.as(username).queryParams(query).get("/api/views/{view}", view).then().statusCode(200)
                .extract().jsonPath().getList("items.id");
    }

    @Test
    void viewsFilterAndSortBySlaDeadlineWithKeysetPages_R1_R4() {
        String tag = "v" + UUID.randomUUID().toString().substring(0, 8);
        String team = fixture.team("Views " + tag);
        String vi = "vi-" + tag;
        String viId = fixture.agent(vi, "Vi Agent", "supervisor", team); // sees every team's tickets
        Mail lastMail = fixture.mail().text("Where is invoice " + tag + "?");
        String a = fixture.newTicket().ticketId();
        String b = fixture.newTicket().ticketId();
        String c = fixture.newTicket().ticketId();
        String d = fixture.newTicket(lastMail).ticketId();
        for (String id : List.of(a, b, c, d)) {
            tag(id, tag);
        }
        given().contentType(ContentType.JSON).body(Map.of("assigneeId", viId, "teamId", team)).put("/api/tickets/{id}/assignment", a)
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("teamId", team)).put("/api/tickets/{id}/assignment", b).then().statusCode(200);

        Instant now = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        fixture.sla(a, EventTypes.SLA_CLOCK_STARTED, new SlaClockStarted(clock(a, now.plus(Duration.ofHours(2))), now), UUID.randomUUID().toString());
        fixture.sla(b, EventTypes.SLA_WARNING, new SlaWarning(clock(b, now.plus(Duration.ofHours(1))), 80, now), UUID.randomUUID().toString());
        fixture.sla(c, EventTypes.SLA_BREACHED, new SlaBreached(clock(c, now.minus(Duration.ofHours(1))), now), UUID.randomUUID().toString());
        await().atMost(TicketFixture.WAIT).untilAsserted(() -> fixture.ticket(c).body("sla.breached", equalTo(true)));
        await().atMost(TicketFixture.WAIT).untilAsserted(() -> fixture.ticket(b).body("sla.atRisk", equalTo(true)));
        await().atMost(TicketFixture.WAIT).untilAsserted(() -> fixture.ticket(a).body("sla.deadline", equalTo(now.plus(Duration.ofHours(2)).toString())));

        assertEquals(List.of(a), ids(vi, "mine", Map.of("tag", tag)));
        assertEquals(List.of(b, a), ids(vi, "team", Map.of("tag", tag)));
        assertEquals(List.of(c, b, d), ids(vi, "unassigned", Map.of("tag", tag)), "breached first, no deadline last");
        assertEquals(List.of(b), ids(vi, "at-risk", Map.of("tag", tag)));
        assertEquals(List.of(c), ids(vi, "breached", Map.of("tag", tag)));
        assertEquals(List.of(d), ids(vi, "unassigned", Map.of("q", "INVOICE " + tag)), "text search over messages");
        assertEquals(List.of(), ids(vi, "unassigned", Map.of("tag", tag, "priority", "urgent")));
        assertEquals(List.of(c, b, d), ids(vi, "unassigned", Map.of("tag", tag, "channel", "email", "status", "new")));

        JsonPath first = TicketFixture.as(vi).queryParams(Map.of("tag", tag, "limit", 1)).get("/api/views/unassigned").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of(c), first.getList("items.id"));
        JsonPath second = TicketFixture.as(vi).queryParams(Map.of("tag", tag, "limit", 1, "after", first.getString("next")))
                .get("/api/views/unassigned").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(b), second.getList("items.id"));
        JsonPath third = TicketFixture.as(vi).queryParams(Map.of("tag", tag, "limit", 2, "after", second.getString("next")))
                .get("/api/views/unassigned").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(d), third.getList("items.id"));
        assertEquals(null, third.getString("next"));

        fixture.status(c, "solved", null).statusCode(200);
        assertEquals(List.of(), ids(vi, "breached", Map.of("tag", tag)), "a solved ticket leaves the working views");
    }

    private void breached(String ticketId, Instant deadline) {
        fixture.sla(ticketId, EventTypes.SLA_BREACHED, new SlaBreached(clock(ticketId, deadline), Instant.now()), UUID.randomUUID().toString());
        await().atMost(TicketFixture.WAIT).untilAsserted(() -> fixture.ticket(ticketId).body("sla.deadline", equalTo(deadline.toString())));
    }

    private void assign(String ticketId, Map<String, String> body) {
        given().contentType(ContentType.JSON).body(body).put("/api/tickets/{id}/assignment", ticketId).then().statusCode(200);
    }

    /** Every page of a view, {@code limit} at a time, through the cursor. */
    private List<String> pages(String username, String view, Map<String, ?> query, int limit) {
        List<String> all = new ArrayList<>();
        String after = null;
        do {
            var request = TicketFixture.as(username).queryParams(query).queryParam("limit", limit);
            JsonPath page = (after == null ? request : request.queryParam("after", after)).get("/api/views/{view}", view).then()
                    .statusCode(200).extract().jsonPath();
            List<String> items = page.getList("items.id");
            assertTrue(items.size() <= limit);
            all.addAll(items);
            after = page.getString("next");
        } while (after != null && all.size() < 100);
        return all;
    }

    @Test
    void agentsViewMergesTheirOwnAndTheirTeamsTicketsInDeadlineOrderPageByPage_R1() {
        String tag = "m" + UUID.randomUUID().toString().substring(0, 8);
        String one = fixture.team("One " + tag);
        String two = fixture.team("Two " + tag);
        String other = fixture.team("Other " + tag);
        String ag = "ag-" + tag;
        String agId = fixture.agent(ag, "Merge Agent", "agent", one, two);
        String colleague = fixture.agent("co-" + tag, "Colleague", "agent", two);
        String sup = "sup-" + tag;
        fixture.agent(sup, "Merge Supervisor", "supervisor");
        String mineElsewhere = fixture.newTicket().ticketId();
        String teamOne = fixture.newTicket().ticketId();
        String mineInTeam = fixture.newTicket().ticketId();
        String colleagues = fixture.newTicket().ticketId();
        String notMine = fixture.newTicket().ticketId();
        String noDeadline = fixture.newTicket().ticketId();
        String noDeadlineLater = fixture.newTicket().ticketId();
        List.of(mineElsewhere, teamOne, mineInTeam, colleagues, notMine, noDeadline, noDeadlineLater).forEach(id -> tag(id, tag));
        assign(mineElsewhere, Map.of("teamId", other, "assigneeId", agId));
        assign(teamOne, Map.of("teamId", one));
        assign(mineInTeam, Map.of("teamId", one, "assigneeId", agId));
        assign(colleagues, Map.of("teamId", two, "assigneeId", colleague));
        assign(notMine, Map.of("teamId", other));
        assign(noDeadline, Map.of("teamId", two));
        assign(noDeadlineLater, Map.of("teamId", one));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        breached(mineElsewhere, now.minus(Duration.ofHours(3)));
        breached(teamOne, now.minus(Duration.ofHours(2)));
        breached(mineInTeam, now.minus(Duration.ofMinutes(90)));
        breached(colleagues, now.minus(Duration.ofHours(1)));
        breached(notMine, now.minus(Duration.ofMinutes(150)));

        List<String> breached = List.of(mineElsewhere, teamOne, mineInTeam, colleagues);
        assertEquals(breached, ids(ag, "breached", Map.of("tag", tag)), "own (any team) and the teams', each once, by deadline");
        assertEquals(breached, pages(ag, "breached", Map.of("tag", tag), 1), "the same one page at a time");
        assertEquals(List.of(mineElsewhere, notMine, teamOne, mineInTeam, colleagues), pages(sup, "breached", Map.of("tag", tag), 2));
        assertEquals(List.of(teamOne, mineInTeam, colleagues, noDeadline, noDeadlineLater), pages(ag, "team", Map.of("tag", tag), 1),
                "the teams' tickets, then those without a deadline by number");
        assertEquals(List.of(teamOne, noDeadline, noDeadlineLater), pages(ag, "unassigned", Map.of("tag", tag), 1));
        assertEquals(List.of(mineElsewhere, mineInTeam), pages(ag, "mine", Map.of("tag", tag), 1));
        assertEquals(breached, pages(ag, "breached", Map.of("tag", tag, "channel", "email", "status", "new"), 2));
    }

    @Test
    void textSearchFindsTheSameTicketsWhenTheWordsAreCommon() {
        String tag = "w" + UUID.randomUUID().toString().substring(0, 8);
        String word = "zq" + tag;
        String sup = "sup-" + tag;
        fixture.agent(sup, "Search Supervisor", "supervisor");
        String inSubject = fixture.newTicket(fixture.mail().subject("About " + word)).ticketId();
        String inMessage = fixture.newTicket(fixture.mail().text("Something about " + word.toUpperCase() + " again")).ticketId();
        String inMany = fixture.newTicket().ticketId();
        String without = fixture.newTicket().ticketId();
        List.of(inSubject, inMessage, inMany, without).forEach(id -> tag(id, tag));
        List<String> found = List.of(inSubject, inMessage);
        assertEquals(found, ids(sup, "unassigned", Map.of("tag", tag, "q", word)), "few matches");

        // More matching messages than the search starts from: it reads the view in order and checks each ticket.
        Reactive.await(() -> Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO ticket_message "
                + "(id, ticket_id, direction, author_type, channel, text, created_at) SELECT gen_random_uuid(), :ticket, 'inbound', "
                + "'customer', 'email', 'line ' || g || ' of ' || :word, now() FROM generate_series(0, :count) g")
                .setParameter("ticket", UUID.fromString(inMany)).setParameter("word", word).setParameter("count", 5_000).executeUpdate())));
        List<String> common = List.of(inSubject, inMessage, inMany);
        assertEquals(common, ids(sup, "unassigned", Map.of("tag", tag, "q", word)), "common words");
        assertEquals(common, pages(sup, "unassigned", Map.of("tag", tag, "q", word), 1));
        assertEquals(List.of(), ids(sup, "unassigned", Map.of("tag", tag, "q", tag.substring(1))),
                "words, not substrings: the end of a word is no match");
        assertEquals(List.of(), ids(sup, "unassigned", Map.of("tag", tag, "q", "%")), "a text without a word finds nothing");
    }

    @Test
    void textSearchFindsWordsOfLaterMessagesPrefixesAndOrderNumbersInTheAgentsTeamsOnly() {
        String tag = "s" + UUID.randomUUID().toString().substring(0, 8);
        String team = fixture.team("Search " + tag);
        String other = fixture.team("Elsewhere " + tag);
        String ag = "ts-" + tag;
        fixture.agent(ag, "Search Agent", "agent", team);
        String sup = "tsup-" + tag;
        fixture.agent(sup, "Search Supervisor", "supervisor");
        String later = "zqlater" + tag; // only in the customer's second message
        String refundable = "zqrefundable" + tag;
        String order = "ORD-" + String.format("%07d", Math.floorMod(tag.hashCode(), 10_000_000));

        Mail first = fixture.mail().subject("Parcel " + tag).text("Hello, where is my parcel?");
        String followedUp = fixture.newTicket(first).ticketId();
        fixture.send(fixture.mail().from(first.address, first.displayName).replyTo(first.messageId)
                .text("Still waiting. " + later.toUpperCase() + ", is it " + refundable + "?"));
        String byOrder = fixture.newTicket(fixture.mail().subject("Refund for my order (" + order + ")").text("Please help " + tag)).ticketId();
        String otherTeams = fixture.newTicket(fixture.mail().subject("Also " + tag + " " + later + " " + refundable + " " + order)).ticketId();
        assign(followedUp, Map.of("teamId", team));
        assign(byOrder, Map.of("teamId", team));
        assign(otherTeams, Map.of("teamId", other));

        await().atMost(TicketFixture.WAIT).untilAsserted(() -> assertEquals(List.of(followedUp), ids(ag, "unassigned", Map.of("q", later)),
                "a word of a later message, in another case"));
        assertEquals(List.of(followedUp), ids(ag, "team", Map.of("q", refundable.substring(0, refundable.length() - 4))), "a word's beginning");
        assertEquals(List.of(followedUp), ids(ag, "team", Map.of("q", "still " + later + " waiting")), "all the words, in any order");
        assertEquals(List.of(), ids(ag, "team", Map.of("q", later + " parcelx")), "every word must be there");
        assertEquals(List.of(byOrder), ids(ag, "unassigned", Map.of("q", order)), "an order number");
        assertEquals(List.of(byOrder), ids(ag, "unassigned", Map.of("q", order.toLowerCase(Locale.ROOT))));
        assertEquals(List.of(byOrder), ids(ag, "unassigned", Map.of("q", order.substring(4))), "an order number's number part");
        assertEquals(List.of(byOrder), ids(ag, "unassigned", Map.of("q", "#" + order.substring(4))));
        assertEquals(List.of(followedUp, byOrder, otherTeams), ids(sup, "unassigned", Map.of("q", tag)), "a supervisor sees every team's");
        assertEquals(List.of(followedUp, otherTeams), ids(sup, "unassigned", Map.of("q", later)));
        assertEquals(List.of(byOrder, otherTeams), ids(sup, "unassigned", Map.of("q", order)));
    }

    @Test
    void unknownViewIsNotFoundAndBadFiltersAreUnprocessable() {
        given().get("/api/views/everything").then().statusCode(404).contentType("application/problem+json");
        given().queryParam("after", "yesterday").get("/api/views/unassigned").then().statusCode(422)
                .body("errors.field", equalTo(List.of("after")));
        given().queryParam("priority", "asap").queryParam("status", "archived").get("/api/views/breached").then().statusCode(422)
                .body("errors.field", equalTo(List.of("status", "priority")));
        given().auth().none().get("/api/views/mine").then().statusCode(401);
        given().queryParam("limit", 1).get("/api/views/mine").then().statusCode(200).body("next", nullValue());
    }
}
