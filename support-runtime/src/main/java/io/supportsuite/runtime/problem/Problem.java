package io.supportsuite.runtime.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document. {@code type} is stable per kind of error, so clients can branch on it;
 * {@code errors} names the offending fields of a rejected request.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://support-suite.dev/problems/";

    public record FieldError(String field, String message) {
    }

    public static String type(String slug) {
        return TYPE_BASE + slug;
    }
}
