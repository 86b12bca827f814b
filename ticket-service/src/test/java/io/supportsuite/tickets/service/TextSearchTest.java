package io.supportsuite.tickets.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TextSearchTest {

    @Test
    void everyWordOnceTheLastAlsoAsAPrefix() {
        assertEquals("'refund' & 'ord' & '0000123':*", TextSearch.query(List.of("refund", "ord", "0000123", "refund", "0000123")));
        assertEquals("'refu':*", TextSearch.query(List.of("refu")));
    }

    @Test
    void aShortLastWordIsNoPrefix() {
        assertEquals("'log' & 'in'", TextSearch.query(List.of("log", "in")));
        assertEquals("'ä' & 'äpf':*", TextSearch.query(List.of("ä", "äpf")));
    }

    @Test
    void quotesAndBackslashesStayInTheWord() {
        assertEquals("'it''s' & 'a\\\\b':*", TextSearch.query(List.of("it's", "a\\b")));
    }

    @Test
    void commonWhenTheStatisticsExpectMoreThanFewMatchesOfOneWord() {
        Map<String, Double> shares = Map.of("refund", 0.1, "order", 0.7, "ord", 1.0, "password", 0.1);
        assertTrue(TextSearch.common(List.of("refund"), shares, 1_000_000, 5_000));
        assertTrue(TextSearch.common(List.of("refu"), shares, 1_000_000, 5_000), "a prefix counts the common words it begins");
        assertFalse(TextSearch.common(List.of("refund"), shares, 10_000, 5_000));
        assertFalse(TextSearch.common(List.of("zqrefund"), shares, 1_000_000, 5_000), "a word not among the common ones is rare");
        assertFalse(TextSearch.common(List.of("or"), shares, 1_000_000, 5_000), "a short word is no prefix");
        assertFalse(TextSearch.common(List.of("refund", "password"), shares, 1_000_000, 5_000), "several words: counted");
        assertFalse(TextSearch.common(List.of("refund"), Map.of(), 1_000_000, 5_000), "no statistics: counted");
        assertFalse(TextSearch.common(List.of(), shares, 1_000_000, 5_000));
    }

    @Test
    void noWordsNoQuery() {
        assertNull(TextSearch.query(List.of()));
    }
}
