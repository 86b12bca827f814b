package io.supportsuite.notifications.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.supportsuite.notifications.config.NotificationsConfig;

/**
 * Customer-facing texts from Qute templates, one per kind and locale: {@code templates/<kind>/<locale>.txt}
 * (N9), signed by {@code signature/<locale>} with the agent's name and team (N7); a non-transactional text
 * ends with {@code footer/<locale>} and its unsubscribe link (N6). A locale without its own template falls
 * back to its language, then to the default locale, and says so in the log: never a blank message.
 */
@ApplicationScoped
public class CustomerTemplates {

    /** The locales every kind has a template for (the seeds' languages and English). */
    public static final List<String> LOCALES = List.of("en", "hy", "bs", "el", "az", "lv");

    public static final String SIGNATURE = "signature";
    public static final String FOOTER = "footer";

    private final Engine engine;
    private final String defaultLocale;

    @Inject
    public CustomerTemplates(Engine engine, NotificationsConfig config) {
        this(engine, config.ack().defaultLocale());
    }

    public CustomerTemplates(Engine engine, String defaultLocale) {
        this.engine = engine;
        this.defaultLocale = defaultLocale;
    }

    /** A rendered text and the locale whose template produced it. */
    public record Rendered(String locale, String text) {
    }

    /**
     * @param data the template's values; {@code agentName} and {@code team} sign it, {@code unsubscribeUrl}
     *             (when present) adds the consent footer
     */
    public Rendered render(String kind, String locale, Map<String, Object> data) {
        Map<String, Object> values = new HashMap<>(data);
        values.putIfAbsent("name", null);
        values.putIfAbsent("subject", null);
        Map<String, Object> signer = new HashMap<>();
        signer.put("agentName", blankToNull(values.get("agentName")));
        signer.put("team", blankToNull(values.get("team")));
        Rendered signature = renderOne(SIGNATURE, locale, signer);
        values.put("signature", signature.text().strip());
        Rendered body = renderOne(kind, locale, values);
        Object unsubscribeUrl = values.get("unsubscribeUrl");
        if (unsubscribeUrl == null) {
            return new Rendered(body.locale(), body.text().strip() + "\n");
        }
        Rendered footer = renderOne(FOOTER, body.locale(), Map.of("unsubscribeUrl", unsubscribeUrl));
        return new Rendered(body.locale(), body.text().strip() + "\n\n" + footer.text().strip() + "\n");
    }

    private Rendered renderOne(String kind, String locale, Map<String, Object> data) {
        List<String> candidates = candidates(locale);
        for (String candidate : candidates) {
            Template template = engine.getTemplate(kind + "/" + candidate);
            if (template == null) {
                continue;
            }
            var instance = template.instance();
            data.forEach(instance::data);
            String text = instance.render();
            if (text.isBlank()) {
                Log.errorf("Template %s/%s rendered blank; trying the next locale", kind, candidate);
                continue;
            }
            if (!language(candidate).equals(language(candidates.get(0)))) {
                Log.warnf("No %s template for locale %s: sent in %s instead (N9 fallback)", kind, locale, candidate);
            }
            return new Rendered(candidate, text);
        }
        throw new IllegalStateException("No template " + kind + " for " + locale + " nor for " + defaultLocale);
    }

    /** The customer's locale, else the message's, else the default (N9). */
    public String localeOf(String customerLocale, String messageLocale) {
        for (String candidate : new String[] { customerLocale, messageLocale }) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.trim();
            }
        }
        return defaultLocale;
    }

    private List<String> candidates(String locale) {
        Set<String> candidates = new LinkedHashSet<>();
        if (locale != null && !locale.isBlank()) {
            Locale parsed = Locale.forLanguageTag(locale.trim().replace('_', '-'));
            if (!parsed.getLanguage().isEmpty()) {
                candidates.add(parsed.toLanguageTag());
                candidates.add(parsed.getLanguage());
            }
        }
        candidates.add(defaultLocale);
        return new ArrayList<>(candidates);
    }

    private static String language(String tag) {
        return Locale.forLanguageTag(tag).getLanguage();
    }

    private static Object blankToNull(Object value) {
        return value == null || value.toString().isBlank() ? null : value;
    }
}
