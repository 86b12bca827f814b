package io.supportsuite.tickets.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.supportsuite.runtime.problem.ProblemException;

class TagsNormalisationTest {

    @Test
    void tagsAreTrimmedLowerCasedUniqueAndSorted() {
        assertEquals(List.of("refund", "vip"), TicketActions.normaliseTags(List.of(" VIP ", "refund", "Refund")));
        assertEquals(List.of("billing:eu", "x_1-2", "ελλάδα"), TicketActions.normaliseTags(List.of("x_1-2", "Ελλάδα", "billing:eu")));
        assertEquals(List.of(), TicketActions.normaliseTags(List.of()));
    }

    @Test
    void blankSpacedOrOverlongTagsAreRefused() {
        for (List<String> bad : List.of(List.of(""), List.of("two words"), List.of("x".repeat(51)), List.of("a,b"),
                Arrays.asList((String) null))) {
            ProblemException e = assertThrows(ProblemException.class, () -> TicketActions.normaliseTags(bad));
            assertEquals(422, e.status());
        }
    }

    @Test
    void atMostTwentyTags() {
        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add("t" + i);
        }
        assertEquals(422, assertThrows(ProblemException.class, () -> TicketActions.normaliseTags(many)).status());
        assertEquals(20, TicketActions.normaliseTags(many.subList(0, 20)).size());
        assertEquals(422, assertThrows(ProblemException.class, () -> TicketActions.normaliseTags(null)).status());
    }
}
