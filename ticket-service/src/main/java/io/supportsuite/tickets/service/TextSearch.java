package io.supportsuite.tickets.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The views' text search by words, as support consoles search: a ticket matches when its subject or one of its
 * messages has every word asked for, in any order and case, the last word also as the beginning of a longer one, as
 * the agent may still be typing it ({@code refu} finds "refund", {@code ORD-00001} the orders ORD-0000100 to
 * ORD-0000199). An order number is found whole or by its number part. Words are what PostgreSQL's parser reads in the
 * 'simple' configuration (lower case, no stemming, no stop words), hyphens read as spaces: the same as the V16 word
 * indexes, so the text asked for is split into words by the database ({@link #WORDS}) and never parsed here.
 *
 * <p>
 * Only the last word, and only from {@link #PREFIX_FROM} characters, is a prefix: the index finds a prefix by reading
 * every word that starts with it, so a short or earlier word ({@code ord} of "ORD-0000123", also the beginning of
 * "order", is in every ticket) would read the whole table where the exact word is skipped through.
 */
final class TextSearch {

    /** The words of {@code :text}, each once, in the order they were last written. */
    static final String WORDS = "SELECT w.lexeme FROM unnest(to_tsvector('simple', replace(CAST(:text AS text), '-', ' '))) w "
            + "ORDER BY w.positions[cardinality(w.positions)]";

    /**
     * The statistics' most common words (PostgreSQL's {@code most_common_elems}, refreshed by ANALYZE) of subjects and of
     * messages: which ("subject" or "message"), the word, its share of the rows, and the table's rows.
     */
    static final String COMMON_WORDS = "SELECT CASE WHEN s.tablename = 'ticket_message' THEN 'message' ELSE 'subject' END, e.elem, "
            + "CAST(e.share AS float8), CAST((SELECT c.reltuples FROM pg_class c WHERE c.relname = CASE WHEN s.tablename = 'ticket_message' "
            + "THEN 'ticket_message' ELSE 'ticket' END AND c.relnamespace = CAST(current_schema() AS regnamespace)) AS float8) "
            + "FROM pg_stats s CROSS JOIN LATERAL unnest(CAST(CAST(s.most_common_elems AS text) AS text[]), s.most_common_elem_freqs) AS e(elem, share) "
            + "WHERE s.schemaname = current_schema() AND (s.tablename = 'ticket_subject_words' OR s.tablename = 'ticket_message' "
            + "AND s.attname = 'words') AND e.elem IS NOT NULL";

    /** The last word is also the beginning of a longer one from this many characters. */
    static final int PREFIX_FROM = 3;

    private TextSearch() {
    }

    /**
     * The tsquery that matches a text having all {@code words} (as {@link #WORDS} returns them, in order); null when
     * there are none (the text asked for had no word, only punctuation).
     */
    static String query(List<String> words) {
        if (words.isEmpty()) {
            return null;
        }
        String last = words.get(words.size() - 1);
        List<String> terms = new ArrayList<>(exact(words).stream().map(TextSearch::quoted).toList());
        terms.add(quoted(last) + (prefix(last) ? ":*" : ""));
        return String.join(" & ", terms);
    }

    /** The words but the last, each once. */
    private static Set<String> exact(List<String> words) {
        String last = words.get(words.size() - 1);
        LinkedHashSet<String> exact = new LinkedHashSet<>(words.subList(0, words.size() - 1));
        exact.remove(last);
        return exact;
    }

    private static boolean prefix(String last) {
        return last.codePointCount(0, last.length()) >= PREFIX_FROM;
    }

    /**
     * Whether {@code words}, one word alone, are common in a table of {@code rows} subjects or messages, more than
     * {@code few} of them expected to match: by the statistics' most common words and their share of the rows
     * ({@code shares}, PostgreSQL's {@code most_common_elems}; a word not among them is rare), of all the common words it
     * begins when it is a prefix. Several words are never called common: each may be common and all together rare
     * ("refund" and "password" are never in one subject), and then the view would be read to its end for nothing;
     * their matches are counted.
     */
    static boolean common(List<String> words, Map<String, Double> shares, double rows, int few) {
        if (words.size() != 1 || shares.isEmpty()) {
            return false;
        }
        String word = words.get(0);
        double share = prefix(word)
                ? Math.min(1, shares.entrySet().stream().filter(e -> e.getKey().startsWith(word)).mapToDouble(Map.Entry::getValue).sum())
                : shares.getOrDefault(word, 0.0);
        return share * rows > few;
    }

    private static String quoted(String word) {
        return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
