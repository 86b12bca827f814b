package io.supportsuite.notifications.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.supportsuite.notifications.service.SignedLinks.Claims;
import io.supportsuite.notifications.service.SignedLinks.InvalidLink;

/** N5/N6: survey and unsubscribe links are signed and expire; forged, altered or expired ones are refused. */
class SignedLinksTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(3600);

    private final SignedLinks links = new SignedLinks("a-secret-of-enough-length");

    @Test
    void n6GenuineLinkGivesBackItsClaims() {
        Claims claims = new Claims(SignedLinks.UNSUBSCRIBE, "link-1", "cust-1", "email", "lv", LATER);
        assertEquals(claims, links.verify(links.sign(claims), SignedLinks.UNSUBSCRIBE, NOW));
    }

    @Test
    void n5SurveyLinkWithoutCustomerOrChannel() {
        Claims claims = new Claims(SignedLinks.SURVEY, "survey-1", null, null, "hy", LATER);
        assertEquals(claims, links.verify(links.sign(claims), SignedLinks.SURVEY, NOW));
    }

    @Test
    void n6ExpiredLinkIsRefused() {
        String token = links.sign(new Claims(SignedLinks.UNSUBSCRIBE, "link-1", "cust-1", "email", "lv", LATER));
        assertEquals("expired", assertThrows(InvalidLink.class, () -> links.verify(token, SignedLinks.UNSUBSCRIBE, LATER)).reason());
    }

    @Test
    void n6AlteredLinkIsRefused() {
        String token = links.sign(new Claims(SignedLinks.UNSUBSCRIBE, "link-1", "cust-1", "email", "lv", LATER));
        String otherCustomer = links.sign(new Claims(SignedLinks.UNSUBSCRIBE, "link-1", "cust-2", "email", "lv", LATER));
        String spliced = otherCustomer.substring(0, otherCustomer.indexOf('.')) + token.substring(token.indexOf('.'));
        assertEquals("forged", assertThrows(InvalidLink.class, () -> links.verify(spliced, SignedLinks.UNSUBSCRIBE, NOW)).reason());
    }

    @Test
    void n6LinkSignedWithAnotherKeyIsRefused() {
        String foreign = new SignedLinks("somebody-elses-secret-key").sign(
                new Claims(SignedLinks.UNSUBSCRIBE, "link-1", "cust-1", "email", "lv", LATER));
        assertThrows(InvalidLink.class, () -> links.verify(foreign, SignedLinks.UNSUBSCRIBE, NOW));
    }

    @Test
    void n6LinkForOnePurposeDoesNotServeAnother() {
        String survey = links.sign(new Claims(SignedLinks.SURVEY, "survey-1", null, null, "hy", LATER));
        assertThrows(InvalidLink.class, () -> links.verify(survey, SignedLinks.UNSUBSCRIBE, NOW));
    }

    @Test
    void n6GarbageIsRefusedAsForged() {
        for (String garbage : new String[] { null, "", "abc", "abc.def", ".x", "!!!.???" }) {
            assertEquals("forged", assertThrows(InvalidLink.class, () -> links.verify(garbage, SignedLinks.SURVEY, NOW)).reason());
        }
    }
}
