package io.supportsuite.sla;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.devstack.testing.TopicProbe;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.Topics;
import io.supportsuite.events.sla.SlaBreached;
import io.supportsuite.events.sla.SlaClockPaused;
import io.supportsuite.events.sla.SlaClockResumed;
import io.supportsuite.events.sla.SlaClockStarted;
import io.supportsuite.events.sla.SlaMet;
import io.supportsuite.events.sla.SlaWarning;
import jakarta.inject.Inject;

/**
 * The first-response promise end to end through the real broker and database: ticket events in on
 * support.tickets.v1, clock events out on support.sla.v1. Budgets are seconds here (PT4S, VIP PT3S).
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class FirstResponseClockTest {

    private static final Duration BUDGET = Duration.ofSeconds(4);
    private static final Duration VIP_BUDGET = Duration.ofSeconds(3);
    /** How late a stage may reach the topic: the firing loop plus the outbox relay. */
    /**
     * Proves a stage fires at its deadline, not on a periodic scan (the anchors scan every 5 minutes or more).
     * Exact lateness (p99 within a second) is a benchmark figure; a test on a shared CPU only bounds it loosely.
     */
    private static final Duration ON_TIME = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(FirstResponseClockTest.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    private SlaFixture sla;

    @BeforeEach
    void open() {
        sla = new SlaFixture(bootstrap, mapper);
    }

    @AfterEach
    void close() {
        sla.close();
    }

    @Test
    void tenHourRuleWarnsAtFiftyAndEightyPercentThenBreachesAtTheDeadline() {
        String ticket = SlaFixture.newTicketId();
        Instant createdAt = SlaFixture.now();
        sla.ticketCreated(ticket, createdAt, "standard");

        SlaClockStarted started = sla.await(ticket, EventTypes.SLA_CLOCK_STARTED, SlaClockStarted.class);
        assertEquals(createdAt.plus(BUDGET), started.clock().deadline(), "R1: deadline = arrival + budget");
        assertEquals("first_response", started.clock().kind());
        assertEquals("default", started.clock().policy());
        assertEquals(ticket, started.clock().ticketId());
        assertEquals(BUDGET.toSeconds(), started.clock().budgetSeconds());
        assertEquals("email", started.clock().channel());
        assertEquals("normal", started.clock().priority());
        UUID.fromString(started.clock().clockId());
        Instant deadline = started.clock().deadline();

        ConsumerRecord<String, String> breachRecord = sla.awaitRecord(ticket, EventTypes.SLA_BREACHED, SlaFixture.WAIT);
        SlaBreached breached = sla.read(breachRecord, SlaBreached.class);
        assertFalse(breached.firedAt().isBefore(deadline), "never before the deadline: " + breached.firedAt());
        assertTrue(breached.firedAt().isBefore(deadline.plus(ON_TIME)), "at the deadline: " + breached.firedAt());
        assertTrue(breachRecord.timestamp() >= deadline.toEpochMilli(), "published no earlier than the deadline");
        assertTrue(breachRecord.timestamp() < deadline.plus(ON_TIME).toEpochMilli(), "published on time");
        assertEquals(deadline, breached.clock().deadline());
        assertTrue(breached.clock().elapsedSeconds() >= BUDGET.toSeconds());
        LOG.infof("Breach fired %d ms after the deadline and reached the topic %d ms after it",
                Duration.between(deadline, breached.firedAt()).toMillis(), breachRecord.timestamp() - deadline.toEpochMilli());

        assertEquals(List.of("sla.clock.started", "sla.warning", "sla.warning", "sla.breached"),
                sla.types(ticket, Duration.ofMillis(1500)), "R4: each stage once, in order");
        List<SlaWarning> warnings = sla.records(ticket, Duration.ZERO).stream()
                .filter(r -> EventTypes.SLA_WARNING.equals(TopicProbe.header(r, "ce_type")))
                .map(r -> sla.read(r, SlaWarning.class)).toList();
        assertEquals(50, warnings.get(0).stagePercent());
        assertEquals(80, warnings.get(1).stagePercent());
        assertOnTime(warnings.get(0).firedAt(), createdAt.plus(BUDGET.multipliedBy(50).dividedBy(100)));
        assertOnTime(warnings.get(1).firedAt(), createdAt.plus(BUDGET.multipliedBy(80).dividedBy(100)));

        given().get("/api/tickets/{id}/clocks", ticket).then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].state", equalTo("running"))
                .body("[0].firedStages", equalTo(List.of(50, 80, 100)))
                .body("[0].breachedAt", equalTo(breached.firedAt().toString()));
    }

    @Test
    void vipCustomerGetsTheTighterFirstResponseBudget() {
        String ticket = SlaFixture.newTicketId();
        Instant createdAt = SlaFixture.now();
        sla.ticketCreated(ticket, createdAt, "vip");

        SlaClockStarted started = sla.await(ticket, EventTypes.SLA_CLOCK_STARTED, SlaClockStarted.class);
        assertEquals("vip", started.clock().policy(), "R6");
        assertEquals(createdAt.plus(VIP_BUDGET), started.clock().deadline());
        assertEquals(VIP_BUDGET.toSeconds(), started.clock().budgetSeconds());
    }

    @Test
    void firstReplyBeforeTheDeadlineMeetsThePromiseAndNoBreachFollows() {
        String ticket = SlaFixture.newTicketId();
        Instant createdAt = SlaFixture.now();
        sla.ticketCreated(ticket, createdAt, "standard");
        Instant deadline = sla.await(ticket, EventTypes.SLA_CLOCK_STARTED, SlaClockStarted.class).clock().deadline();

        Instant repliedAt = SlaFixture.now();
        sla.replied(ticket, repliedAt);
        SlaMet met = sla.await(ticket, EventTypes.SLA_MET, SlaMet.class);
        assertEquals(repliedAt, met.metAt());
        assertEquals(deadline, met.clock().deadline());
        assertTrue(met.clock().elapsedSeconds() < met.clock().budgetSeconds());

        sleepUntil(deadline.plus(ON_TIME));
        assertEquals(List.of("sla.clock.started", "sla.met"), sla.types(ticket, Duration.ofMillis(500)),
                "no warning and no breach after the promise was kept");
        given().get("/api/tickets/{id}/clocks", ticket).then().statusCode(200)
                .body("[0].state", equalTo("stopped"))
                .body("[0].stopReason", equalTo("met"))
                .body("[0].firedStages", hasSize(0));
    }

    @Test
    void pendingPausesTheClockAndReopeningResumesItWithTheDeadlineShiftedByThePause() {
        String ticket = SlaFixture.newTicketId();
        Instant createdAt = SlaFixture.now();
        sla.ticketCreated(ticket, createdAt, "standard");
        Instant deadline = sla.await(ticket, EventTypes.SLA_CLOCK_STARTED, SlaClockStarted.class).clock().deadline();

        Instant pausedAt = SlaFixture.now();
        sla.statusChanged(ticket, "new", "pending", pausedAt);
        SlaClockPaused paused = sla.await(ticket, EventTypes.SLA_CLOCK_PAUSED, SlaClockPaused.class);
        assertEquals("waiting on customer", paused.reason());
        assertEquals(pausedAt, paused.pausedAt());

        sleepUntil(deadline.plus(ON_TIME));
        assertEquals(List.of("sla.clock.started", "sla.clock.paused"), sla.types(ticket, Duration.ofMillis(300)),
                "R5: nothing fires while the customer is awaited, not even past the old deadline");

        Instant resumedAt = SlaFixture.now();
        sla.statusChanged(ticket, "pending", "open", resumedAt);
        SlaClockResumed resumed = sla.await(ticket, EventTypes.SLA_CLOCK_RESUMED, SlaClockResumed.class);
        Instant shifted = deadline.plus(Duration.between(pausedAt, resumedAt));
        assertEquals(shifted, resumed.clock().deadline(), "deadline + paused time");
        assertEquals(resumedAt, resumed.resumedAt());

        SlaBreached breached = sla.await(ticket, EventTypes.SLA_BREACHED, SlaBreached.class);
        assertOnTime(breached.firedAt(), shifted);
        assertEquals(List.of("sla.clock.started", "sla.clock.paused", "sla.clock.resumed", "sla.warning", "sla.warning",
                "sla.breached"), sla.types(ticket, Duration.ofMillis(500)));
    }

    @Test
    void theCustomerWritingAgainResumesAPausedClock() {
        String ticket = SlaFixture.newTicketId();
        sla.ticketCreated(ticket, SlaFixture.now(), "standard");
        sla.statusChanged(ticket, "new", "pending", SlaFixture.now());
        sla.await(ticket, EventTypes.SLA_CLOCK_PAUSED, SlaClockPaused.class);

        Instant wroteAt = SlaFixture.now();
        sla.customerWrote(ticket, wroteAt);
        assertEquals(wroteAt, sla.await(ticket, EventTypes.SLA_CLOCK_RESUMED, SlaClockResumed.class).resumedAt());

        sla.replied(ticket, SlaFixture.now());
        sla.await(ticket, EventTypes.SLA_MET, SlaMet.class);
        given().get("/api/tickets/{id}/clocks", ticket).then().statusCode(200).body("[0].state", equalTo("stopped"));
    }

    @Test
    void solvingTheTicketStopsTheClockWithoutMetOrBreach() {
        String ticket = SlaFixture.newTicketId();
        sla.ticketCreated(ticket, SlaFixture.now(), "vip");
        Instant deadline = sla.await(ticket, EventTypes.SLA_CLOCK_STARTED, SlaClockStarted.class).clock().deadline();

        sla.statusChanged(ticket, "new", "solved", SlaFixture.now());
        await().atMost(SlaFixture.WAIT).untilAsserted(() -> given()
                .get("/api/tickets/{id}/clocks", ticket).then().statusCode(200)
                .body("[0].state", equalTo("stopped"))
                .body("[0].stopReason", equalTo("ticket solved")));

        sleepUntil(deadline.plus(ON_TIME));
        assertEquals(List.of("sla.clock.started"), sla.types(ticket, Duration.ofMillis(300)));
    }

    @Test
    void aReplyAfterTheBreachOnlyStopsTheClock() {
        String ticket = SlaFixture.newTicketId();
        sla.ticketCreated(ticket, SlaFixture.now(), "vip");
        sla.await(ticket, EventTypes.SLA_BREACHED, SlaBreached.class);

        sla.replied(ticket, SlaFixture.now());
        await().atMost(SlaFixture.WAIT).untilAsserted(() -> given()
                .get("/api/tickets/{id}/clocks", ticket).then().statusCode(200)
                .body("[0].state", equalTo("stopped"))
                .body("[0].stopReason", equalTo("replied after the breach")));
        assertFalse(sla.types(ticket, Duration.ofMillis(500)).contains("sla.met"));
    }

    @Test
    void redeliveredEventsChangeNothing() {
        String ticket = SlaFixture.newTicketId();
        Instant createdAt = SlaFixture.now();
        String ceId = UUID.randomUUID().toString();
        sla.ticketCreatedWithId(ceId, ticket, createdAt, "standard");
        sla.ticketCreatedWithId(ceId, ticket, createdAt, "standard");
        sla.ticketCreated(ticket, createdAt, "standard"); // the same ticket announced again under a new id
        String replyId = UUID.randomUUID().toString();
        sla.repliedWithId(replyId, ticket, SlaFixture.now());
        sla.repliedWithId(replyId, ticket, SlaFixture.now());

        sla.await(ticket, EventTypes.SLA_MET, SlaMet.class);
        assertEquals(List.of("sla.clock.started", "sla.met"), sla.types(ticket, Duration.ofSeconds(1)),
                "one clock, met once");
        given().get("/api/tickets/{id}/clocks", ticket).then().statusCode(200).body("", hasSize(1));
    }

    @Test
    void anUnreadableEventIsDeadLetteredOnceAndTheEventsAroundItStillCount() {
        String ticket = SlaFixture.newTicketId();
        try (TopicProbe deadLetters = new TopicProbe(bootstrap, Topics.TICKETS + Topics.DLQ_SUFFIX)) {
            // One key, so the three share a partition and usually a poll: the poison sits inside the batch.
            sla.ticketCreated(ticket, SlaFixture.now(), "standard");
            String poison = sla.unreadableTicketCreated(ticket);
            sla.replied(ticket, SlaFixture.now());

            sla.await(ticket, EventTypes.SLA_MET, SlaMet.class);
            assertEquals(List.of("sla.clock.started", "sla.met"), sla.types(ticket, Duration.ofSeconds(1)),
                    "the events before and after the poison took effect, once each");
            deadLetters.await(r -> poison.equals(TopicProbe.header(r, "ce_id")), SlaFixture.WAIT);
            assertEquals(1, deadLetters.drain(Duration.ofSeconds(2)).stream()
                    .filter(r -> poison.equals(TopicProbe.header(r, "ce_id"))).count(), "dead-lettered once");
        }
    }

    @Test
    void aTicketWithoutClocksAnswersProblemJson() {
        given().get("/api/tickets/{id}/clocks", "no-such-ticket").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://support-suite.dev/problems/not-found"));
    }

    @Test
    void metricsMoveWithARealFiringByKindAndChannel() {
        String warning50 = "support_sla_warnings_total{channel=\"telegram\",kind=\"first_response\",stage=\"50\"";
        String warning80 = "support_sla_warnings_total{channel=\"telegram\",kind=\"first_response\",stage=\"80\"";
        String breaches = "support_sla_breaches_total{channel=\"telegram\",kind=\"first_response\"";
        String lateness = "support_sla_firing_lateness_seconds_count{kind=\"first_response\"";
        String before = metrics();
        String ticket = SlaFixture.newTicketId();
        sla.ticketCreated(ticket, SlaFixture.now(), "vip", "telegram", "normal", null);
        sla.await(ticket, EventTypes.SLA_BREACHED, SlaBreached.class);

        await().atMost(SlaFixture.WAIT).untilAsserted(() -> {
            String after = metrics();
            assertEquals(value(before, warning50) + 1, value(after, warning50), after);
            assertEquals(value(before, warning80) + 1, value(after, warning80));
            assertEquals(value(before, breaches) + 1, value(after, breaches));
            assertTrue(value(after, lateness) >= value(before, lateness) + 3, "three stages timed");
            assertTrue(after.matches("(?s).*support_sla_firing_lateness_seconds_bucket\\{[^}]*le=\"1(\\.0)?\".*"),
                    "a lateness histogram with a bucket at the 1 s target");
            assertTrue(value(after, "support_sla_clocks_running{kind=\"first_response\"") >= 1,
                    "the breached clock still awaits its first response");
        });
    }

    private static String metrics() {
        return given().header("Accept", "text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the series whose name and labels start with {@code series}; 0 when it is not there yet. */
    private static double value(String metrics, String series) {
        return metrics.lines().filter(line -> line.startsWith(series)).findFirst()
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).orElse(0.0);
    }

    private static void assertOnTime(Instant firedAt, Instant dueAt) {
        assertFalse(firedAt.isBefore(dueAt), "fired " + firedAt + " before it was due at " + dueAt);
        assertTrue(firedAt.isBefore(dueAt.plus(ON_TIME)), "fired " + firedAt + ", due at " + dueAt);
    }

    private static void sleepUntil(Instant instant) {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
