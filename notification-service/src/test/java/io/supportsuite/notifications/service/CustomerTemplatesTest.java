package io.supportsuite.notifications.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateLocator.TemplateLocation;
import io.quarkus.qute.Variant;
import io.supportsuite.notifications.notification.NotificationKind;

/** N7/N9/N6: every kind renders in every locale, signed by the agent and team, with the consent footer where due. */
class CustomerTemplatesTest {

    private static final String SURVEY_URL = "https://support.example/surveys/tok-123";
    private static final String UNSUBSCRIBE_URL = "https://support.example/unsubscribe/tok-456";

    private final CustomerTemplates templates = new CustomerTemplates(classpathEngine(), "en");

    static Stream<Arguments> everyKindInEveryLocale() {
        return Stream.of(NotificationKind.messages())
                .flatMap(kind -> CustomerTemplates.LOCALES.stream().map(locale -> Arguments.of(kind, locale)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyKindInEveryLocale")
    void n9EveryKindRendersInItsOwnLocaleSignedByAgentAndTeam(NotificationKind kind, String locale) {
        CustomerTemplates.Rendered rendered = templates.render(kind.template, locale, data(kind, "Anna Berzina"));

        assertEquals(locale, rendered.locale(), "a translation of its own, not the fallback");
        String text = rendered.text();
        assertTrue(text.contains("Anna Berzina"), text);
        assertTrue(text.contains("Mariam Petrosyan"), "signed by the agent (N7): " + text);
        assertTrue(text.contains("Billing"), "signed with the team (N7): " + text);
        assertFalse(text.contains("{"), "no unrendered expression: " + text);
        if (kind != NotificationKind.NPS) {
            assertTrue(text.contains("#4711"), text);
        }
        if (kind == NotificationKind.FOLLOW_UP || kind == NotificationKind.SURVEY_REMINDER || kind == NotificationKind.NPS) {
            assertTrue(text.contains(SURVEY_URL), text);
        }
        assertEquals(!kind.transactional, text.contains(UNSUBSCRIBE_URL), "consent footer on non-transactional only (N6): " + text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void n9EveryLocaleHasItsOwnWordingOfEachKind(NotificationKind kind) {
        Set<String> texts = new HashSet<>();
        for (String locale : CustomerTemplates.LOCALES) {
            texts.add(templates.render(kind.template, locale, data(kind, null)).text());
        }
        assertEquals(CustomerTemplates.LOCALES.size(), texts.size(), "six different texts for " + kind);
    }

    static Stream<NotificationKind> kinds() {
        return Stream.of(NotificationKind.messages());
    }

    @Test
    void n9MissingTranslationFallsBackToEnglishNeverBlank() {
        CustomerTemplates.Rendered rendered = templates.render("follow_up", "fi", data(NotificationKind.FOLLOW_UP, "Aino"));
        assertEquals("en", rendered.locale());
        assertTrue(rendered.text().startsWith("Hello Aino,"), rendered.text());
        assertTrue(rendered.text().contains(UNSUBSCRIBE_URL), "the footer follows the body's locale: " + rendered.text());
    }

    @Test
    void n9RegionalLocaleUsesItsLanguage() {
        assertEquals("lv", templates.render("reminder", "lv-LV", data(NotificationKind.REMINDER, null)).locale());
        assertEquals("bs", templates.render("reminder", "bs_BA", data(NotificationKind.REMINDER, null)).locale());
    }

    @Test
    void n9LocaleComesFromTheCustomerElseTheMessageElseEnglish() {
        assertEquals("hy", templates.localeOf("hy", "el"));
        assertEquals("el", templates.localeOf(null, "el"));
        assertEquals("el", templates.localeOf(" ", "el"));
        assertEquals("en", templates.localeOf(null, null));
    }

    @Test
    void n7WithoutAnAgentTheTeamOrTheServiceSigns() {
        Map<String, Object> data = data(NotificationKind.ACK, null);
        data.remove("agentName");
        String text = templates.render("ack", "en", data).text();
        assertTrue(text.endsWith("Kind regards,\nBilling\n"), text);
        data.remove("team");
        text = templates.render("ack", "en", data).text();
        assertTrue(text.endsWith("Kind regards,\nCustomer Support\n"), text);
        String greek = templates.render("ack", "el", data).text();
        assertTrue(greek.endsWith("Με εκτίμηση,\nΕξυπηρέτηση Πελατών\n"), greek);
    }

    @Test
    void n1WithoutANameTheGreetingStillReads() {
        String text = templates.render("ack", "az", data(NotificationKind.ACK, null)).text();
        assertTrue(text.startsWith("Hörmətli müştəri,"), text);
        assertNotEquals("", text.strip());
    }

    private static Map<String, Object> data(NotificationKind kind, String name) {
        Map<String, Object> data = new HashMap<>();
        data.put("name", name);
        data.put("number", 4711L);
        data.put("subject", "Printer on fire");
        data.put("deadline", "2026-11-22 17:05 UTC");
        data.put("newEta", "2026-11-22 19:05 UTC");
        data.put("autoSolveDays", 7L);
        data.put("surveyUrl", SURVEY_URL);
        data.put("agentName", "Mariam Petrosyan");
        data.put("team", "Billing");
        if (!kind.transactional) {
            data.put("unsubscribeUrl", UNSUBSCRIBE_URL);
        }
        return data;
    }

    /** Qute as the service uses it, reading the same template files from the classpath. */
    private static Engine classpathEngine() {
        return Engine.builder().addDefaults().strictRendering(true).addLocator(id -> {
            String path = "templates/" + id + ".txt";
            if (CustomerTemplatesTest.class.getClassLoader().getResource(path) == null) {
                return Optional.empty();
            }
            return Optional.of(new TemplateLocation() {
                @Override
                public Reader read() {
                    return new InputStreamReader(CustomerTemplatesTest.class.getClassLoader().getResourceAsStream(path),
                            StandardCharsets.UTF_8);
                }

                @Override
                public Optional<Variant> getVariant() {
                    return Optional.empty();
                }
            });
        }).build();
    }
}
