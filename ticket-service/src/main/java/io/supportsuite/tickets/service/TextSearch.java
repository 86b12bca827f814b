package io.supportsuite.tickets.service;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The views' text search by words, as support consoles search: a ticket matches when its subject or one of its
 * messages has every word asked for, in any order and case, each word also as the beginning of a longer one
 * ({@code refu} finds "refund", {@code ORD-00001} the orders ORD-0000100 to ORD-0000199). An order number is found
 * whole or by its number part. Words are what PostgreSQL's parser reads in the 'simple' configuration (lower case, no
 * stemming, no stop words), hyphens read as spaces: the same as the V16 word indexes, so the text asked for is split
 * into words by the database ({@link #WORDS}) and never parsed here.
 */
final class TextSearch {

    /** The words of {@code :text}, in the order they were written. */
    static final String WORDS = "SELECT w.lexeme FROM unnest(to_tsvector('simple', replace(CAST(:text AS text), '-', ' '))) w "
            + "ORDER BY w.positions[1]";

    private TextSearch() {
    }

    /**
     * The tsquery that matches a text having all {@code words} (as {@link #WORDS} returns them), each as a prefix; null
     * when there are none (the text asked for had no word, only punctuation).
     */
    static String query(List<String> words) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>(words);
        if (distinct.isEmpty()) {
            return null;
        }
        return distinct.stream().map(w -> "'" + w.replace("\\", "\\\\").replace("'", "''") + "':*").collect(Collectors.joining(" & "));
    }
}
