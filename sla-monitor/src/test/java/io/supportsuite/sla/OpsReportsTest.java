package io.supportsuite.sla;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.supportsuite.devstack.testing.DevStackResource;
import io.supportsuite.events.EventTypes;
import io.supportsuite.events.sla.SlaBreached;
import io.supportsuite.events.sla.SlaClockStarted;
import io.supportsuite.events.sla.SlaMet;
import jakarta.inject.Inject;

/** The reports ops staff by (M1, M2): volume by hour of week in a time zone, compliance per agent, the tiles. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class OpsReportsTest {

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
    void volumeByHourOfWeekCountsTicketsAndContactsInTheLocalHourAcrossDst() {
        String channel = "email-" + UUID.randomUUID();
        // Riga: Friday 23 Oct 2026 09:30 is UTC+3 (summer time), Monday 26 Oct 09:10 and 09:50 are UTC+2.
        List<Instant> nineish = List.of(Instant.parse("2026-10-23T06:30:00Z"), Instant.parse("2026-10-26T07:10:00Z"),
                Instant.parse("2026-10-26T07:50:00Z"));
        Instant sundayNight = Instant.parse("2026-10-25T21:59:00Z"); // 23:59 Sunday in Riga, 21:59 in UTC
        for (Instant at : nineish) {
            String ticket = SlaFixture.newTicketId();
            sla.ticketCreated(ticket, at, "standard", channel, "normal", null);
            sla.await(ticket, EventTypes.SLA_CLOCK_STARTED, SlaClockStarted.class);
        }
        String contact = SlaFixture.newTicketId();
        sla.contactOffered(contact, channel, sundayNight);
        sla.await(contact, EventTypes.SLA_CLOCK_STARTED, SlaClockStarted.class);

        JsonPath riga = ops().queryParam("zone", "Europe/Riga").queryParam("channel", channel)
                .queryParam("from", "2026-10-19T00:00:00Z").queryParam("to", "2026-11-02T00:00:00Z")
                .get("/api/sla/volume").then().statusCode(200)
                .body("cells", hasSize(168)).body("tickets", equalTo(3)).body("contacts", equalTo(1))
                .body("peak", equalTo(2)).body("weeks", equalTo(2.0f)).extract().jsonPath();
        assertEquals(Map.of("day", 1, "hour", 9, "tickets", 2, "contacts", 0, "total", 2), cell(riga, 1, 9));
        assertEquals(1, cell(riga, 5, 9).get("tickets"), "Friday 09:30 in summer time is 09 too");
        assertEquals(1, cell(riga, 7, 23).get("contacts"));

        JsonPath utc = ops().queryParam("zone", "UTC").queryParam("channel", channel)
                .queryParam("from", "2026-10-19T00:00:00Z").queryParam("to", "2026-11-02T00:00:00Z")
                .get("/api/sla/volume").then().statusCode(200).extract().jsonPath();
        assertEquals(2, cell(utc, 1, 7).get("total"));
        assertEquals(1, cell(utc, 5, 6).get("total"));
        assertEquals(1, cell(utc, 7, 21).get("contacts"));

        ops().queryParam("zone", "Mars/Olympus").get("/api/sla/volume").then().statusCode(422)
                .contentType("application/problem+json");
        ops().queryParam("zone", "+02:00").get("/api/sla/volume").then().statusCode(422);
    }

    @Test
    void complianceByAgentCountsWhoAnsweredOrElseTheAssignee() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String ina = "ina-" + suffix;
        String oto = "oto-" + suffix;
        String pia = "pia-" + suffix;

        // Ina is assigned and answers in time (follow-up policy: 30 s): met for Ina.
        String kept = SlaFixture.newTicketId();
        sla.ticketCreated(kept, SlaFixture.now(), "standard", "email", "normal", "follow-up");
        sla.assigned(kept, ina, "Ina", SlaFixture.now());
        sla.repliedBy(kept, ina, "Ina", SlaFixture.now());
        sla.await(kept, EventTypes.SLA_MET, SlaMet.class);
        // Oto is assigned and nobody answers (default policy, 4 s, created a minute ago): a breach on Oto.
        String broken = SlaFixture.newTicketId();
        sla.ticketCreated(broken, SlaFixture.now().minusSeconds(60), "standard");
        sla.assigned(broken, oto, "Oto", SlaFixture.now());
        sla.await(broken, EventTypes.SLA_BREACHED, SlaBreached.class);
        // Oto is assigned, Pia answers first: met for Pia, not Oto.
        String helped = SlaFixture.newTicketId();
        sla.ticketCreated(helped, SlaFixture.now(), "standard", "email", "normal", "follow-up");
        sla.assigned(helped, oto, "Oto", SlaFixture.now());
        sla.repliedBy(helped, pia, "Pia", SlaFixture.now());
        sla.await(helped, EventTypes.SLA_MET, SlaMet.class);
        // Pia picks up a call in time (3 rings of 1 s): met for Pia.
        String call = SlaFixture.newTicketId();
        sla.contactOffered(call, "voice", SlaFixture.now());
        sla.contactAnsweredBy(call, "voice", pia, SlaFixture.now());
        sla.await(call, EventTypes.SLA_MET, SlaMet.class);

        await().atMost(SlaFixture.WAIT).untilAsserted(() -> ops().queryParam("by", "agent").get("/api/sla/compliance")
                .then().statusCode(200)
                .body("find { it.group == '" + ina + "' }.name", equalTo("Ina"))
                .body("find { it.group == '" + ina + "' }.met", equalTo(1))
                .body("find { it.group == '" + ina + "' }.compliancePercent", equalTo(100.0f))
                .body("find { it.group == '" + oto + "' }.met", equalTo(0))
                .body("find { it.group == '" + oto + "' }.breached", equalTo(1))
                .body("find { it.group == '" + oto + "' }.compliancePercent", equalTo(0.0f))
                .body("find { it.group == '" + pia + "' }.met", equalTo(2)));
        ops().get("/api/sla/breaches").then().statusCode(200)
                .body("find { it.ticketId == '" + broken + "' }.agentName", equalTo("Oto"));
    }

    @Test
    void theTilesAgreeWithTheListsAndReports() {
        String overdue = SlaFixture.newTicketId();
        sla.ticketCreated(overdue, SlaFixture.now().minusSeconds(3600), "standard");
        sla.await(overdue, EventTypes.SLA_BREACHED, SlaBreached.class);

        JsonPath summary = ops().get("/api/sla/summary").then().statusCode(200).extract().jsonPath();
        int breaches = ops().get("/api/sla/breaches").then().statusCode(200).extract().jsonPath().getList("").size();
        int atRisk = ops().get("/api/sla/at-risk").then().statusCode(200).extract().jsonPath().getList("").size();
        List<Map<String, Object>> byKind = ops().queryParam("by", "kind").get("/api/sla/compliance").then()
                .statusCode(200).extract().jsonPath().getList("");
        assertEquals(breaches, summary.getInt("openBreaches"));
        assertEquals(atRisk, summary.getInt("atRisk"));
        assertEquals(byKind.stream().mapToInt(c -> (Integer) c.get("met")).sum(), summary.getInt("met"));
        assertEquals(byKind.stream().mapToInt(c -> (Integer) c.get("breached")).sum(), summary.getInt("breached"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cell(JsonPath volume, int day, int hour) {
        return (Map<String, Object>) volume.getList("cells").get((day - 1) * 24 + hour);
    }

    private static RequestSpecification ops() {
        return given().auth().preemptive().basic("supervisor", "supervisor");
    }
}
