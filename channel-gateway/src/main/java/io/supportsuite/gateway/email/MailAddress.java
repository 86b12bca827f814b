package io.supportsuite.gateway.email;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An e-mail address as a provider sends it: {@code Name <addr>} or a bare address. The address is
 * lower-cased (C2: one customer per address, however it is spelled); the name is kept for display.
 */
public record MailAddress(String address, String displayName) {

    private static final Pattern NAMED = Pattern.compile("^(.*)<([^<>]*)>\\s*$", Pattern.DOTALL);
    private static final Pattern ADDRESS = Pattern.compile(
            "^[^\\s@<>()\\[\\],;:\"]+@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)*$");

    /** The address in {@code value}, or empty when there is none or it is not a valid address. */
    public static Optional<MailAddress> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String name = null;
        String address = value.trim();
        Matcher named = NAMED.matcher(address);
        if (named.matches()) {
            name = displayName(named.group(1));
            address = named.group(2).trim();
        }
        if (!isValid(address)) {
            return Optional.empty();
        }
        return Optional.of(new MailAddress(address.toLowerCase(Locale.ROOT), name));
    }

    public static boolean isValid(String address) {
        return address != null && ADDRESS.matcher(address).matches();
    }

    private static String displayName(String raw) {
        String name = raw.trim();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\").trim();
        }
        return name.isEmpty() ? null : name;
    }
}
