package io.supportsuite.sla;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.devstack.testing.TopicProbe;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.sla.SlaClockStarted;
import io.supportsuite.events.sla.SlaMet;
import jakarta.inject.Inject;

/**
 * The ticket clocks beyond the first response, under policies seeded for the test profile: next_response
 * (team follow-up) when the customer writes again after an answer, and resolution (team resolution-desk),
 * paused while the ticket waits on the customer (R5) and met when it is solved.
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class TicketClockKindsTest {

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

    private List<SlaClockStarted> started(String ticket, int count) {
        await().atMost(SlaFixture.WAIT).until(() -> kinds(ticket, EventTypes.SLA_CLOCK_STARTED).size() >= count);
        return records(ticket, EventTypes.SLA_CLOCK_STARTED).stream().map(r -> sla.read(r, SlaClockStarted.class)).toList();
    }

    private List<ConsumerRecord<String, String>> records(String ticket, String type) {
        return sla.records(ticket, Duration.ofMillis(200)).stream()
                .filter(r -> type.equals(TopicProbe.header(r, "ce_type"))).toList();
    }

    private List<String> kinds(String ticket, String type) {
        return records(ticket, type).stream().map(r -> sla.read(r, SlaMet.class).clock().kind()).toList();
    }

    @Test
    void theCustomerWritingAgainAfterAnAnswerStartsTheNextResponseClock() {
        String ticket = SlaFixture.newTicketId();
        sla.ticketCreated(ticket, SlaFixture.now(), "standard", "email", "normal", "follow-up");
        assertEquals("follow-up", started(ticket, 1).get(0).clock().policy());
        sla.replied(ticket, SlaFixture.now());
        await().atMost(SlaFixture.WAIT).until(() -> kinds(ticket, EventTypes.SLA_MET).contains("first_response"));

        Instant wroteAt = SlaFixture.now();
        sla.customerWrote(ticket, wroteAt);
        SlaClockStarted next = started(ticket, 2).get(1);
        assertEquals("next_response", next.clock().kind());
        assertEquals(wroteAt.plusSeconds(30), next.clock().deadline());

        sla.replied(ticket, SlaFixture.now());
        await().atMost(SlaFixture.WAIT).until(() -> kinds(ticket, EventTypes.SLA_MET).contains("next_response"));
        given().get("/api/tickets/{id}/clocks", ticket).then().statusCode(200).body("", hasSize(2))
                .body("[1].kind", equalTo("next_response")).body("[1].stopReason", equalTo("met"));
    }

    @Test
    void aResolutionClockPausesWhilePendingAndIsMetWhenSolved() {
        String ticket = SlaFixture.newTicketId();
        sla.ticketCreated(ticket, SlaFixture.now(), "standard", "email", "normal", "resolution-desk");
        List<SlaClockStarted> clocks = started(ticket, 2);
        assertEquals(List.of("first_response", "resolution"), clocks.stream().map(c -> c.clock().kind()).sorted().toList());

        sla.statusChanged(ticket, "new", "pending", SlaFixture.now());
        await().atMost(SlaFixture.WAIT).until(() -> kinds(ticket, EventTypes.SLA_CLOCK_PAUSED).size() == 2);
        sla.statusChanged(ticket, "pending", "solved", SlaFixture.now());
        await().atMost(SlaFixture.WAIT).until(() -> kinds(ticket, EventTypes.SLA_MET).equals(List.of("resolution")));
        given().get("/api/tickets/{id}/clocks", ticket).then().statusCode(200)
                .body("find { it.kind == 'first_response' }.stopReason", equalTo("ticket solved"))
                .body("find { it.kind == 'resolution' }.stopReason", equalTo("met"));
    }
}
