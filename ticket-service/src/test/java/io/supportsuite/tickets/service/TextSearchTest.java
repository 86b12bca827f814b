package io.supportsuite.tickets.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextSearchTest {

    @Test
    void everyWordOnceAsAPrefix() {
        assertEquals("'refund':* & 'ord':* & '0000123':*", TextSearch.query(List.of("refund", "ord", "0000123", "refund")));
    }

    @Test
    void quotesAndBackslashesStayInTheWord() {
        assertEquals("'it''s':* & 'a\\\\b':*", TextSearch.query(List.of("it's", "a\\b")));
    }

    @Test
    void noWordsNoQuery() {
        assertNull(TextSearch.query(List.of()));
    }
}
