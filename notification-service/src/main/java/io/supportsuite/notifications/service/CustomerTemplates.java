package io.supportsuite.notifications.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.supportsuite.notifications.config.NotificationsConfig;

/**
 * Customer-facing texts from Qute templates, one per kind and locale: {@code templates/<kind>/<locale>.txt}
 * (N9). A locale without its own template falls back to its language, then to the default locale; adding a
 * language is adding a file.
 */
@ApplicationScoped
public class CustomerTemplates {

    private final Engine engine;
    private final String defaultLocale;

    public CustomerTemplates(Engine engine, NotificationsConfig config) {
        this.engine = engine;
        this.defaultLocale = config.ack().defaultLocale();
    }

    /** A rendered text and the locale whose template produced it. */
    public record Rendered(String locale, String text) {
    }

    public Rendered render(String kind, String locale, Map<String, Object> data) {
        for (String candidate : candidates(locale)) {
            Template template = engine.getTemplate(kind + "/" + candidate);
            if (template != null) {
                var instance = template.instance();
                data.forEach(instance::data);
                return new Rendered(candidate, instance.render());
            }
        }
        throw new IllegalStateException("No template " + kind + " for " + locale + " nor for " + defaultLocale);
    }

    private List<String> candidates(String locale) {
        List<String> candidates = new ArrayList<>();
        if (locale != null && !locale.isBlank()) {
            Locale parsed = Locale.forLanguageTag(locale.trim().replace('_', '-'));
            if (!parsed.getLanguage().isEmpty()) {
                candidates.add(parsed.toLanguageTag());
                candidates.add(parsed.getLanguage());
            }
        }
        candidates.add(defaultLocale);
        return candidates;
    }
}
