package io.supportsuite.gateway.delivery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/** The one HTTP client the send APIs use: a JSON (or form) POST, its answer parsed, non-2xx as {@link ProviderFailure}. */
@ApplicationScoped
public class HttpJson {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper;

    public HttpJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Uni<JsonNode> post(String url, Map<String, String> headers, Object body) {
        try {
            return send(url, headers, "application/json", mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new ProviderFailure(true, "not serialisable: " + e.getMessage()));
        }
    }

    public Uni<JsonNode> send(String url, Map<String, String> headers, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return Uni.createFrom().completionStage(() -> client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()))
                .map(response -> {
                    JsonNode json = parse(response.body());
                    if (response.statusCode() / 100 != 2) {
                        throw ProviderFailure.ofStatus(response.statusCode(), reason(json, response.body()));
                    }
                    return json;
                });
    }

    /** Telegram says "description", Meta "error.message", X "detail", Twilio-style APIs "message". */
    private static String reason(JsonNode json, String body) {
        for (JsonNode candidate : new JsonNode[] { json.path("description"), json.path("error").path("message"), json.path("detail"),
                json.path("message") }) {
            if (candidate.isTextual()) {
                return candidate.asText();
            }
        }
        return body;
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? mapper.createObjectNode() : mapper.readTree(body);
        } catch (JsonProcessingException e) {
            return mapper.createObjectNode();
        }
    }
}
