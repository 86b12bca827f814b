package io.supportsuite.tickets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.supportsuite.devstack.testing.DevStackResource;
import jakarta.inject.Inject;

/** The console's form login next to HTTP Basic: a session cookie that logs in the API and the live stream. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class ConsoleLoginTest {

    static final String COOKIE = "quarkus-credential";

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

    private static io.restassured.response.Response login(String password) {
        return given().auth().none().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", TicketFixture.ADMIN).formParam("j_password", password).post("/j_security_check");
    }

    @Test
    void theFormLoginGivesACookieThatLogsInTheApi() {
        var ok = login(TicketFixture.ADMIN_PASSWORD);
        ok.then().statusCode(302).header("Location", endsWith("/console/"));
        String session = ok.getCookie(COOKIE);
        given().auth().none().cookie(COOKIE, session).get("/api/me").then().statusCode(200).body("username", equalTo(TicketFixture.ADMIN));
        given().auth().none().cookie(COOKIE, session).post("/api/logout").then().statusCode(204).cookie(COOKIE, "");
    }

    @Test
    void aWrongPasswordGoesBackToTheFormsErrorPageWithoutACookie() {
        var refused = login("wrong");
        refused.then().statusCode(303).header("Location", endsWith("/console/login.html?error=1"));
        assertNull(refused.getCookie(COOKIE), "no session for a wrong password");
    }

    @Test
    void theConsolesScriptsGetNoBasicChallengeButApiClientsDo() {
        given().auth().none().header("X-Requested-With", "XMLHttpRequest").get("/api/me").then().statusCode(401)
                .header("WWW-Authenticate", nullValue());
        given().auth().none().accept("text/event-stream").get("/api/stream").then().statusCode(401).header("WWW-Authenticate", nullValue());
        given().auth().none().get("/api/me").then().statusCode(401).header("WWW-Authenticate", equalTo("Basic realm=\"support-suite\""));
        given().auth().none().get("/console/login.html").then().statusCode(200).body(org.hamcrest.Matchers.containsString("j_security_check"));
    }
}
