package io.supportsuite.gateway.email;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail Message-IDs as events carry them (C3): without angle brackets, so that {@code <a@b>} in a header
 * and {@code a@b} in a stored message compare equal.
 */
public final class MessageIds {

    private static final Pattern BRACKETED = Pattern.compile("<([^<>]*)>");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

    private MessageIds() {
    }

    /** The ids in a header value ({@code <a@x> <b@y>}, or bare and space-separated), in order, once each. */
    public static List<String> parseAll(String value) {
        if (value == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        Matcher bracketed = BRACKETED.matcher(value);
        while (bracketed.find()) {
            ids.add(bracketed.group(1).trim());
        }
        if (ids.isEmpty()) {
            ids.addAll(List.of(SEPARATORS.split(value.trim())));
        }
        return List.copyOf(new LinkedHashSet<>(ids.stream().filter(id -> !id.isBlank()).toList()));
    }

    /** The first id in a header value, or null when it holds none. */
    public static String parseFirst(String value) {
        List<String> ids = parseAll(value);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** An id as a header carries it: in angle brackets. */
    public static String bracketed(String id) {
        String bare = parseFirst(id);
        return bare == null ? null : "<" + bare + ">";
    }
}
