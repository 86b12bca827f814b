package io.supportsuite.tickets;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportsuite.devstack.testing.DevStackResource;

/** The agent console's REST API is documented (issue 5): every operation of every resource, with its summary and its 401. */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
class OpenApiTest {

    private static final List<String> CONSOLE_PATHS = List.of("/api/tickets", "/api/tickets/{id}", "/api/tickets/{id}/replies",
            "/api/tickets/{id}/notes", "/api/tickets/{id}/assignment", "/api/tickets/{id}/priority", "/api/tickets/{id}/tags",
            "/api/tickets/{id}/escalations", "/api/tickets/{id}/merge", "/api/tickets/{id}/callbacks", "/api/tickets/{id}/reply-preview",
            "/api/views/{view}", "/api/callbacks", "/api/callbacks/{id}/completion", "/api/callbacks/{id}/due", "/api/agents",
            "/api/agents/{id}", "/api/teams", "/api/teams/{id}", "/api/canned-responses", "/api/canned-responses/{id}", "/api/me",
            "/api/me/availability", "/api/customers/{id}", "/api/customers/{id}/identities", "/api/customers/{id}/merge",
            "/api/customers/{id}/merges", "/api/customers/merges/{mergeId}/undo", "/api/stream");

    @Test
    @SuppressWarnings("unchecked")
    void everyConsoleOperationIsDocumentedWithASummaryAndItsUnauthorizedAnswer() {
        Map<String, Object> paths = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().path("paths");
        List<String> missing = CONSOLE_PATHS.stream().filter(p -> !paths.containsKey(p)).toList();
        assertEquals(List.of(), missing, "undocumented paths");
        List<String> incomplete = new ArrayList<>();
        paths.forEach((path, item) -> {
            if (!path.startsWith("/api/") || path.equals("/api/logout")) {
                return;
            }
            ((Map<String, Object>) item).forEach((method, op) -> {
                if (!(op instanceof Map<?, ?> operation) || !List.of("get", "post", "put", "patch", "delete").contains(method)) {
                    return;
                }
                Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                if (operation.get("summary") == null || responses == null || !responses.containsKey("401")) {
                    incomplete.add(method.toUpperCase() + " " + path);
                }
            });
        });
        assertEquals(List.of(), incomplete, "operations without a summary or a documented 401");
        assertTrue(paths.size() >= CONSOLE_PATHS.size());
    }
}
