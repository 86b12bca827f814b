package io.supportsuite.tickets.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import io.supportsuite.runtime.problem.Problem;
import io.supportsuite.runtime.problem.ProblemException;

/** The API's error answers, with stable types; validation collects every bad field before answering 422. */
public final class Problems {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    public static Problems validate() {
        return new Problems();
    }

    public Problems check(boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new Problem.FieldError(field, message));
        }
        return this;
    }

    /** Throws 422 naming every offending field, if there is one. */
    public void orFail() {
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
            throw new ProblemException(422, "invalid-request", "Invalid request", detail, List.copyOf(errors));
        }
    }

    /** A path id that is not a UUID is a malformed request (400), not a missing ticket. */
    public static UUID ticketId(String id) {
        try {
            if (id != null && id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new ProblemException(400, "invalid-id", "Invalid id", "Ticket id '" + id + "' is not a UUID");
    }

    /** An optional id field of a request body: null when absent, 422 naming the field when not a UUID. */
    public static UUID optionalId(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "'" + value + "' is not an id");
        }
    }

    /** A path id: a blank one is 400 {@code invalid-id}, a malformed one 422 naming the field. */
    public static UUID pathId(String value) {
        UUID parsed = optionalId(value, "id");
        if (parsed == null) {
            throw new ProblemException(400, "invalid-id", "Invalid id", "'" + value + "' is not an id");
        }
        return parsed;
    }

    public static ProblemException ticketNotFound(UUID id) {
        return ProblemException.notFound("Ticket", id);
    }

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
