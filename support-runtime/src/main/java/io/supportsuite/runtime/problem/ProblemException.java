package io.supportsuite.runtime.problem;

import java.util.List;

/** Thrown by application code to answer with a specific problem; mapped once, in {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist");
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(422, "invalid-request", "Invalid request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict", detail);
    }

    public int status() {
        return status;
    }

    public Problem toProblem() {
        return new Problem(Problem.type(slug), title, status, getMessage(), errors);
    }
}
