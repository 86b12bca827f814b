package io.supportsuite.notifications.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.logging.Log;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.supportsuite.notifications.service.CustomerTemplates;
import io.supportsuite.notifications.service.Surveys;
import io.supportsuite.notifications.survey.Survey;
import io.supportsuite.runtime.problem.ProblemException;

/**
 * The customer-facing pages (surveys N5, consent N6): short, in the customer's language
 * ({@code page-texts/<locale>.properties}, falling back to English visibly in the log), and an error page
 * with the right 4xx status for a forged, expired or reused link.
 */
@ApplicationScoped
public class Pages {

    private static final String DEFAULT_LOCALE = "en";

    private final Template survey;
    private final Template message;
    private final Map<String, Properties> texts = new HashMap<>();

    public Pages(@Location("pages/survey.html") Template survey, @Location("pages/message.html") Template message) {
        this.survey = survey;
        this.message = message;
        Properties english = load(DEFAULT_LOCALE, new Properties());
        texts.put(DEFAULT_LOCALE, english);
        for (String locale : CustomerTemplates.LOCALES) {
            texts.computeIfAbsent(locale, l -> load(l, english));
        }
    }

    public Response surveyForm(Survey s, String action) {
        Properties t = texts(s.locale);
        String prefix = Survey.NPS.equals(s.kind) ? "nps." : "csat.";
        String html = survey.data("lang", lang(s.locale))
                .data("title", t.getProperty(prefix + "title"))
                .data("question", t.getProperty(prefix + "question"))
                .data("low", t.getProperty(prefix + "low"))
                .data("high", t.getProperty(prefix + "high"))
                .data("scores", IntStream.rangeClosed(s.minScore(), s.maxScore()).boxed().toList())
                .data("action", action)
                .data("comment", t.getProperty("comment"))
                .data("maxComment", Surveys.MAX_COMMENT)
                .data("submit", t.getProperty("submit"))
                .render();
        return html(200, html);
    }

    /** A page saying {@code key}.title and {@code key}.text, with an optional button (POST) or link. */
    public Response message(int status, String locale, String key, String action, String buttonKey, String link, String linkKey) {
        Properties t = texts(locale);
        String html = message.data("lang", lang(locale))
                .data("title", t.getProperty(key + ".title"))
                .data("text", t.getProperty(key + ".text"))
                .data("action", action)
                .data("button", buttonKey == null ? null : t.getProperty(buttonKey))
                .data("link", link)
                .data("linkText", linkKey == null ? null : t.getProperty(linkKey))
                .render();
        return html(status, html);
    }

    /** The error page for a refused request, with its status; anything unexpected is left to the problem mapper. */
    public Response error(Throwable failure, String locale) {
        if (!(failure instanceof ProblemException problem)) {
            throw failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
        }
        String slug = problem.toProblem().type().substring(problem.toProblem().type().lastIndexOf('/') + 1);
        String key = switch (slug) {
            case "link-expired" -> "expired";
            case "link-used" -> "used";
            case "survey-answered" -> "answered";
            case "invalid-request" -> "score";
            default -> "invalid";
        };
        return message(problem.status(), locale, key, null, null, null, null);
    }

    private Properties texts(String locale) {
        String lang = lang(locale);
        Properties found = texts.get(lang);
        if (found == null) {
            Log.warnf("No page texts for locale %s: page shown in %s (N9 fallback)", locale, DEFAULT_LOCALE);
            return texts.get(DEFAULT_LOCALE);
        }
        return found;
    }

    private static String lang(String locale) {
        if (locale == null || locale.isBlank()) {
            return DEFAULT_LOCALE;
        }
        String language = Locale.forLanguageTag(locale.trim().replace('_', '-')).getLanguage();
        return language.isEmpty() ? DEFAULT_LOCALE : language;
    }

    /** A locale's texts; a key it lacks falls back to English. */
    private static Properties load(String locale, Properties fallback) {
        Properties properties = new Properties(fallback);
        try (InputStream in = Pages.class.getClassLoader().getResourceAsStream("page-texts/" + locale + ".properties")) {
            if (in == null) {
                Log.warnf("No page texts for locale %s", locale);
                return properties;
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Page texts of " + locale + " unreadable", e);
        }
        return properties;
    }

    private static Response html(int status, String html) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }
}
