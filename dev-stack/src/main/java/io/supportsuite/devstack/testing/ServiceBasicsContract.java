package io.supportsuite.devstack.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every service must show its operators, checked the same way for each: extend it in a
 * {@code @QuarkusTest} of the service. Readiness tests the real dependencies (the migrated schema on the
 * real PostgreSQL, the real Kafka broker), metrics are Prometheus text, and the API is described.
 */
public abstract class ServiceBasicsContract {

    /** The service's {@code quarkus.application.name}, which titles its OpenAPI document. */
    protected abstract String applicationName();

    @BeforeEach
    void awaitReadiness() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }

    @Test
    void readinessChecksTheMigratedSchemaThePostgresPoolAndKafka() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("schema"))
                .body("checks.find { it.name == 'schema' }.data.state", startsWith("version "))
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"))
                .body("checks.name", hasItem(matchesPattern("(?i).*postgres.*")));
    }

    @Test
    void livenessIsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsArePrometheusText() {
        given().get("/q/health/ready").then().statusCode(200);
        given().header("Accept", "text/plain").get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"))
                .body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void openApiDescribesTheService() {
        given().accept("application/json").get("/q/openapi").then()
                .statusCode(200)
                .body("info.title", equalTo(applicationName()))
                .body("openapi", startsWith("3."));
    }

    @Test
    void unknownPathsAnswerProblemJson() {
        given().get("/no/such/path").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", startsWith("https://"))
                .body("title", equalTo("Not Found"));
    }
}
