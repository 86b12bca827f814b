package io.supportsuite.gateway.webhook;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

/** An {@code application/x-www-form-urlencoded} body, as a browser form or a voice provider posts it. */
public final class FormBody {

    public static final String MEDIA_TYPE = "application/x-www-form-urlencoded";

    private FormBody() {
    }

    /** The parameters sorted by name; a repeated name keeps its last value. @throws WebhookRejection 400 on bad encoding */
    public static TreeMap<String, String> parse(byte[] body) {
        TreeMap<String, String> params = new TreeMap<>();
        String form = new String(body, StandardCharsets.UTF_8);
        if (form.isBlank()) {
            return params;
        }
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.put(name, value);
            } catch (IllegalArgumentException e) {
                throw WebhookRejection.malformed("The body is not form-encoded: " + e.getMessage());
            }
        }
        return params;
    }
}
