package io.supportsuite.notifications;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.outbound.MessageSend;
import io.supportsuite.events.ticket.TicketCsatRecorded;
import io.supportsuite.events.ticket.TicketNpsRecorded;
import io.supportsuite.notifications.SpineEvents.Ticket;
import io.supportsuite.notifications.service.SignedLinks;

/** N4/N5: the follow-up after solve with a signed CSAT link, its one reminder, the survey pages, NPS, quiet hours. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(OpsWebhookResource.class)
class FollowUpSurveyTest {

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "notifications.links.secret")
    String secret;

    private SpineEvents events;
    private Outbound outbound;

    @BeforeEach
    void connect() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        events = new SpineEvents(mapper, bootstrap);
        outbound = new Outbound(mapper, bootstrap);
    }

    @AfterEach
    void disconnect() {
        events.close();
        outbound.close();
    }

    @Test
    void n4SolvedTicketGetsAFollowUpWhoseSurveyIsAnsweredOnceAndPublished() throws Exception {
        Ticket ticket = SpineEvents.ticket(null, "el");
        solve(ticket);

        MessageSend followUp = outbound.await(ticket.id(), "follow_up:");
        assertEquals("follow_up", followUp.kind());
        assertEquals("el", followUp.locale());
        assertTrue(followUp.text().contains("Ελένη Παπαδοπούλου\nΤιμολόγηση"), "signed (N7): " + followUp.text());
        String survey = Outbound.link(followUp.text(), "surveys");
        Outbound.link(followUp.text(), "unsubscribe");

        given().get(survey).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("lang=\"el\""), containsString("Πώς τα πήγαμε;"), containsString("value=\"5\""));
        given().formParam("score", "9").post(survey).then().statusCode(422)
                .body(containsString("Επιλέξτε βαθμολογία")); // CSAT is 1-5: nothing stored
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("score", "5").formParam("comment", "Γρήγορα και ευγενικά").post(survey).then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("Σας ευχαριστούμε!"));

        TicketCsatRecorded csat = mapper.readValue(
                outbound.awaitTicketEvent(ticket.id(), EventTypes.TICKET_CSAT_RECORDED).value(), TicketCsatRecorded.class);
        assertEquals(5, csat.score());
        assertEquals("Γρήγορα και ευγενικά", csat.comment());

        given().formParam("score", "1").post(survey).then().statusCode(409).body(containsString("Έχετε ήδη απαντήσει"));
        String token = survey.substring(survey.lastIndexOf('/') + 1);
        given().contentType(ContentType.JSON).body("{\"score\":2}").post("/api/surveys/" + token).then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("survey-answered"));
        given().queryParam("ticketId", ticket.id()).get("/api/surveys").then().statusCode(200)
                .body("find { it.kind == 'csat' }.score", equalTo(5));
        given().queryParam("by", "team").get("/api/surveys/scores").then().statusCode(200)
                .body("find { it.group == 'Τιμολόγηση' }.csatPercent", equalTo(100.0f));

        // Answered: the survey's one reminder is cancelled, not sent.
        await().atMost(Outbound.WAIT).untilAsserted(() -> given().queryParam("ticketId", ticket.id())
                .get("/api/notifications/scheduled").then()
                .body("find { it.kind == 'SURVEY_REMINDER' }.state", equalTo("cancelled")));
        assertEquals(List.of(), outbound.all(ticket.id(), "survey_reminder:", Duration.ofSeconds(1)));
    }

    @Test
    void n5UnansweredSurveyGetsExactlyOneReminder() {
        Ticket ticket = SpineEvents.ticket(null, "hy");
        solve(ticket);
        String survey = Outbound.link(outbound.await(ticket.id(), "follow_up:").text(), "surveys");

        MessageSend reminder = outbound.await(ticket.id(), "survey_reminder:");
        assertEquals("reminder", reminder.kind());
        assertEquals("hy", reminder.locale());
        assertTrue(reminder.text().contains(survey), "the same survey: " + reminder.text());
        assertEquals(1, outbound.all(ticket.id(), "survey_reminder:", Duration.ofSeconds(4)).size());
    }

    @Test
    void n5NpsIsAskedAtMostOncePerCustomerAndScoredZeroToTen() throws Exception {
        Ticket first = SpineEvents.ticket(null, "lv");
        Ticket second = first.another();
        String team = "Atbalsts " + first.id().substring(0, 8); // groups of this test's answers only
        String agent = "Māra " + first.id().substring(0, 8);
        solve(first, agent, team);
        solve(second, agent, team);

        MessageSend nps = outbound.await(first.id(), "nps:");
        assertEquals("survey", nps.kind());
        assertTrue(nps.text().contains("no 0 līdz 10"), nps.text());
        await().atMost(Outbound.WAIT).untilAsserted(() -> given().queryParam("ticketId", second.id())
                .get("/api/notifications/scheduled").then()
                .body("find { it.kind == 'NPS' }.state", equalTo("suppressed")));
        assertEquals(List.of(), outbound.all(second.id(), "nps:", Duration.ofSeconds(1)), "one NPS per 90 days");

        String token = Outbound.link(nps.text(), "surveys").substring("/surveys/".length());
        given().contentType(ContentType.JSON).body("{\"score\":11}").post("/api/surveys/" + token).then().statusCode(422)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"score\":10,\"comment\":\" Ļoti labi \"}").post("/api/surveys/" + token)
                .then().statusCode(200).body("kind", equalTo("nps")).body("score", equalTo(10));

        // published so the ticket shows it (N5), once
        TicketNpsRecorded recorded = mapper.readValue(
                outbound.awaitTicketEvent(first.id(), EventTypes.TICKET_NPS_RECORDED).value(), TicketNpsRecorded.class);
        assertEquals(10, recorded.score());
        assertEquals("Ļoti labi", recorded.comment());
        assertEquals(first.customerId(), recorded.customerId());
        assertEquals("agent-" + agent.hashCode(), recorded.agentId());
        assertEquals(List.of(), outbound.ticketEvents(first.id(), EventTypes.TICKET_CSAT_RECORDED, Duration.ofMillis(500)),
                "an NPS answer is not a CSAT score");
    }

    @Test
    void m1CsatPercentAndNpsPerChannelTeamAndAgent() {
        Ticket first = SpineEvents.ticket(null, "bs");
        Ticket second = SpineEvents.ticket(null, "bs"); // another customer: asked for NPS too
        Ticket third = SpineEvents.ticket(null, "bs");
        String team = "Podrška " + first.id().substring(0, 8);
        String agent = "Amra " + first.id().substring(0, 8);
        long emailNpsBefore = npsAnswers("channel", "email");
        for (Ticket ticket : List.of(first, second, third)) {
            solve(ticket, agent, team);
        }
        // CSAT 5, 4, 2 → 2 of 3 satisfied; NPS 10, 9, 3 → two promoters, one detractor of three
        answer(first, "follow_up:", 5);
        answer(second, "follow_up:", 4);
        answer(third, "follow_up:", 2);
        answer(first, "nps:", 10);
        answer(second, "nps:", 9);
        answer(third, "nps:", 3);

        for (String[] group : List.of(new String[] { "team", team }, new String[] { "agent", "agent-" + agent.hashCode() })) {
            Map<String, Object> score = given().queryParam("by", group[0]).get("/api/surveys/scores").then().statusCode(200)
                    .extract().path("find { it.group == '" + group[1] + "' }");
            assertEquals(3, ((Number) score.get("csatAnswers")).intValue(), group[0]);
            assertEquals(200.0 / 3, ((Number) score.get("csatPercent")).doubleValue(), 0.01, group[0]);
            assertEquals(3, ((Number) score.get("npsAnswers")).intValue(), group[0]);
            assertEquals(100.0 / 3, ((Number) score.get("nps")).doubleValue(), 0.01, group[0]);
        }
        assertEquals(emailNpsBefore + 3, npsAnswers("channel", "email"));
        given().queryParam("by", "customer").get("/api/surveys/scores").then().statusCode(422)
                .contentType("application/problem+json");
    }

    /** Answers the survey linked from the ticket's message of that key. */
    private void answer(Ticket ticket, String keyPrefix, int score) {
        String token = Outbound.link(outbound.await(ticket.id(), keyPrefix).text(), "surveys").substring("/surveys/".length());
        given().contentType(ContentType.JSON).body("{\"score\":" + score + "}").post("/api/surveys/" + token).then()
                .statusCode(200);
    }

    private static long npsAnswers(String by, String group) {
        Number n = given().queryParam("by", by).get("/api/surveys/scores").then().statusCode(200).extract()
                .path("find { it.group == '" + group + "' }.npsAnswers");
        return n == null ? 0 : n.longValue();
    }

    @Test
    void n5ForgedOrExpiredSurveyLinksChangeNothing() {
        SignedLinks ours = new SignedLinks(secret);
        Ticket ticket = SpineEvents.ticket(null);
        solve(ticket);
        String survey = Outbound.link(outbound.await(ticket.id(), "follow_up:").text(), "surveys");
        String token = survey.substring("/surveys/".length());
        String surveyId = ours.verify(token, SignedLinks.SURVEY, Instant.now()).id();

        String forged = new SignedLinks("not-the-service-secret").sign(
                new SignedLinks.Claims(SignedLinks.SURVEY, surveyId, null, null, "en", Instant.now().plusSeconds(600)));
        String expired = ours.sign(
                new SignedLinks.Claims(SignedLinks.SURVEY, surveyId, null, null, "en", Instant.now().minusSeconds(1)));

        given().formParam("score", "1").post("/surveys/" + forged).then().statusCode(400)
                .contentType(containsString("text/html")).body(containsString("This link is not valid"));
        given().get("/surveys/" + expired).then().statusCode(410).body(containsString("This link has expired"));
        given().contentType(ContentType.JSON).body("{\"score\":1}").post("/api/surveys/" + expired).then().statusCode(410)
                .contentType("application/problem+json").body("type", containsString("link-expired"));
        given().contentType(ContentType.JSON).body("{\"score\":1}").post("/api/surveys/garbage").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("ticketId", ticket.id()).get("/api/surveys").then()
                .body("find { it.kind == 'csat' }.answeredAt", nullValue());
    }

    @Test
    void quietHoursHoldAFollowUpUntilMorningInTheCustomersZone() {
        // A zone where it is 02:00 now, so the follow-up due a second after the solve waits until 08:00 there.
        Instant now = Instant.now();
        int offsetHours = Math.floorMod(2 - ZonedDateTime.now(ZoneOffset.UTC).getHour(), 24);
        offsetHours = offsetHours > 14 ? offsetHours - 24 : offsetHours;
        ZoneOffset zone = ZoneOffset.ofHours(offsetHours);
        Ticket ticket = SpineEvents.ticket(zone.getId());
        solve(ticket);

        ZonedDateTime local = now.atZone(zone);
        Instant morning = local.toLocalDate().atTime(LocalTime.of(8, 0)).atZone(zone).toInstant();
        await().atMost(Outbound.WAIT).untilAsserted(() -> given().queryParam("ticketId", ticket.id())
                .get("/api/notifications/scheduled").then()
                .body("find { it.kind == 'FOLLOW_UP' }.state", equalTo("pending"))
                .body("find { it.kind == 'FOLLOW_UP' }.dueAt", equalTo(morning.toString())));
        assertTrue(morning.isAfter(now.plus(5, ChronoUnit.HOURS)), morning.toString());
        assertEquals(List.of(), outbound.all(ticket.id(), "follow_up:", Duration.ofSeconds(1)));
    }

    private void solve(Ticket ticket) {
        solve(ticket, "Ελένη Παπαδοπούλου", "Τιμολόγηση");
    }

    private void solve(Ticket ticket, String agentName, String team) {
        events.sendCreated(ticket);
        events.sendReplied(ticket.id(), agentName, team);
        events.sendStatus(ticket.id(), "open", "solved");
    }
}
