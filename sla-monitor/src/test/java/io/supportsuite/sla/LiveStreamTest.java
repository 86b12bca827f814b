package io.supportsuite.sla;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportsuite.devstack.testing.DevStackResource;
import jakarta.inject.Inject;

/**
 * The live stream (R4, N8): a supervisor's text/event-stream receives the warnings and the breach of a real
 * clock as they fire, through the broker; the browser's way in (a form login's cookie) works as Basic does.
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class LiveStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper mapper;

    @TestHTTPResource("/api/sla/stream")
    URI stream;

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
    void aBreachFiredByARealClockReachesTheLiveStreamAsItHappens() throws Exception {
        try (SseClient all = new SseClient(stream, "Authorization", basic("supervisor"));
                SseClient breachesOnly = new SseClient(URI.create(stream + "?types=breached"), "Authorization",
                        basic("admin"))) {
            all.await(e -> e.name().equals("ready"), WAIT);
            breachesOnly.await(e -> e.name().equals("ready"), WAIT);

            String ticket = SlaFixture.newTicketId();
            Instant createdAt = SlaFixture.now();
            sla.ticketCreated(ticket, createdAt, "standard"); // default policy: 4 s in the test profile

            JsonNode warning = data(all.await(e -> e.name().equals("warning") && e.data().contains(ticket), WAIT));
            assertEquals(50, warning.get("stagePercent").asInt());
            SseClient.Event breachEvent = all.await(e -> e.name().equals("breached") && e.data().contains(ticket), WAIT);
            Instant received = Instant.now();
            JsonNode breach = data(breachEvent);
            assertEquals("first_response", breach.get("kind").asText());
            assertEquals(ticket, breach.get("ticketId").asText());
            assertEquals(createdAt.plusSeconds(4), Instant.parse(breach.get("deadline").asText()));
            assertFalse(received.isBefore(createdAt.plusSeconds(4)), "not before the deadline");
            assertNotNull(breachEvent.id(), "each event carries its CloudEvent id");
            assertTrue(all.events().stream().anyMatch(e -> e.name().equals("started") && e.data().contains(ticket)));

            breachesOnly.await(e -> e.name().equals("breached") && e.data().contains(ticket), WAIT);
            assertTrue(breachesOnly.events().stream().noneMatch(e -> e.name().equals("warning")),
                    "?types=breached leaves the warnings out");
        }
    }

    @Test
    void theStreamIsForSupervisorsAndAdmins() {
        given().accept("text/event-stream").get("/api/sla/stream").then().statusCode(401)
                .contentType("application/problem+json");
        given().accept("text/event-stream").auth().preemptive().basic("agent", "agent").get("/api/sla/stream").then()
                .statusCode(403);
    }

    @Test
    void theDashboardsFormLoginCookieOpensTheStream() {
        String cookie = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "supervisor").formParam("j_password", "supervisor")
                .post("/j_security_check").then().statusCode(302).header("Location", endsWith("/dashboard/"))
                .extract().cookie("quarkus-credential");
        assertNotNull(cookie, "signed in");
        try (SseClient browser = new SseClient(stream, "Cookie", "quarkus-credential=" + cookie)) {
            browser.await(e -> e.name().equals("ready"), WAIT);
        }
        given().cookie("quarkus-credential", cookie).get("/api/sla/session").then().statusCode(200);

        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "supervisor").formParam("j_password", "wrong")
                .post("/j_security_check").then().statusCode(303).header("Location", endsWith("/dashboard/login.html?error=1"));
    }

    private JsonNode data(SseClient.Event event) throws Exception {
        return mapper.readTree(event.data());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
