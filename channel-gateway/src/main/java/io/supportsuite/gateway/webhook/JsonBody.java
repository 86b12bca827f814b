package io.supportsuite.gateway.webhook;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.supportsuite.runtime.problem.Problem.FieldError;

/**
 * Reads a provider's JSON body field by field, collecting every problem with the field's path
 * ({@code entry[0].messaging[1].sender.id}), so a refusal names all of them at once (422).
 */
public final class JsonBody {

    private final List<FieldError> errors = new ArrayList<>();

    /** The body as a JSON object. @throws WebhookRejection 400 when it is not one */
    public static JsonNode object(ObjectMapper mapper, byte[] body) {
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (IOException e) {
            throw WebhookRejection.malformed("The body is not JSON: " + e.getMessage());
        }
        if (json == null || !json.isObject()) {
            throw WebhookRejection.malformed("The body must be a JSON object");
        }
        return json;
    }

    public void error(String path, String message) {
        errors.add(new FieldError(path, message));
    }

    /** @throws WebhookRejection 422 naming every field found wrong so far */
    public void check() {
        if (!errors.isEmpty()) {
            throw WebhookRejection.invalid(errors);
        }
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** A non-blank string (numbers are read as their text); null and an error otherwise. */
    public String required(JsonNode parent, String name, String path) {
        JsonNode node = present(parent, name);
        if (node == null) {
            error(path, "is required");
            return null;
        }
        if (!node.isTextual() && !node.isNumber()) {
            error(path, "must be a string");
            return null;
        }
        if (node.asText().isBlank()) {
            error(path, "must not be blank");
            return null;
        }
        return node.asText();
    }

    /** An optional string (numbers read as text); null when absent. */
    public String optional(JsonNode parent, String name, String path) {
        JsonNode node = present(parent, name);
        if (node == null) {
            return null;
        }
        if (!node.isTextual() && !node.isNumber()) {
            error(path, "must be a string");
            return null;
        }
        return node.asText();
    }

    /** A required object; null and an error otherwise. */
    public JsonNode object(JsonNode parent, String name, String path) {
        JsonNode node = present(parent, name);
        if (node == null || !node.isObject()) {
            error(path, node == null ? "is required" : "must be an object");
            return null;
        }
        return node;
    }

    /** An array's elements; empty (and an error when {@code required}) when absent or not an array. */
    public List<JsonNode> array(JsonNode parent, String name, String path, boolean required) {
        JsonNode node = present(parent, name);
        if (node == null) {
            if (required) {
                error(path, "is required");
            }
            return List.of();
        }
        if (!node.isArray()) {
            error(path, "must be an array");
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    /** A required instant: ISO-8601, or Unix seconds / milliseconds as a number or numeric string. */
    public Instant instant(JsonNode parent, String name, String path) {
        String value = required(parent, name, path);
        return value == null ? null : instant(value, path);
    }

    public Instant instant(String value, String path) {
        String text = value.trim();
        if (text.matches("\\d{1,19}")) {
            long number = Long.parseLong(text);
            // Seconds stay below 10^11 until the year 5138; anything larger is milliseconds.
            return number < 100_000_000_000L ? Instant.ofEpochSecond(number) : Instant.ofEpochMilli(number);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            error(path, "must be an ISO-8601 instant or Unix time");
            return null;
        }
    }

    public static JsonNode present(JsonNode parent, String name) {
        JsonNode node = parent == null ? null : parent.get(name);
        return node == null || node.isNull() ? null : node;
    }
}
