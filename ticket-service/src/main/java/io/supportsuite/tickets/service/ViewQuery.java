package io.supportsuite.tickets.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.supportsuite.tickets.agent.Agent;
import io.supportsuite.tickets.service.TicketViews.View;
import io.supportsuite.tickets.visibility.Visibility;

/**
 * The SQL of one page of a view, shaped so that every part is an index range read in the views' order (the V14
 * indexes): SLA deadline ascending with tickets without one last, as one key {@link #KEY}, then number.
 *
 * <ul>
 * <li>The next page starts where the cursor points: {@code (key, number) > (cursor)}, one range, whatever the depth.</li>
 * <li>An agent sees their own tickets and their teams' (an OR no index serves in order): read as one range per part, the
 * tickets assigned to them and, per team ({@code LATERAL} over their teams), the team's others, each limited to a
 * page, then merged.</li>
 * <li>Text search by words (the V16 word indexes, {@link TextSearch}): when the words are rare ({@link #TEXT_FEW_HITS}
 * subjects and messages or fewer match), the matching tickets are fetched and sorted; when common, the view is read in
 * order and each ticket checked, as a match comes every few rows.</li>
 * </ul>
 */
final class ViewQuery {

    /** The views' order: SLA deadline ascending, tickets without one last (infinity); then {@code t.number}. */
    static final String KEY = "COALESCE(t.sla_deadline, CAST('infinity' AS timestamptz))";

    /** Up to this many matching subjects and messages the text search starts from the matches; beyond, from the view. */
    static final int TEXT_FEW_HITS = 5_000;

    static final String LIVE = "t.status NOT IN ('solved', 'closed')";

    /** A ticket's subject as words, the expression of the V16 index {@code ticket_subject_words}. */
    private static String subjectWords(String alias) {
        return "to_tsvector('simple', replace(" + alias + ".subject, '-', ' '))";
    }

    /** The words asked for, a tsquery bound as {@code :words} (see {@link TextSearch}). */
    private static final String WORDS = "CAST(:words AS tsquery)";

    /** The tickets whose subject or a message has the words, by the word indexes, one more than {@link #TEXT_FEW_HITS} at most. */
    static final String TEXT_HITS = "SELECT s.id FROM ticket s WHERE " + subjectWords("s") + " @@ " + WORDS + " UNION ALL "
            + "SELECT m.ticket_id FROM ticket_message m WHERE m.words @@ " + WORDS + " LIMIT " + (TEXT_FEW_HITS + 1);

    private static final String TEXT_IN_HITS = "t.id IN (:hits)";
    // OFFSET 0 keeps the check per ticket: without it the planner may hash every matching message first, which for
    // a common word is the whole index's matches, only to read a page of the view.
    private static final String TEXT_PER_TICKET = "(" + subjectWords("t") + " @@ " + WORDS + " OR EXISTS (SELECT 1 FROM ticket_message m "
            + "WHERE m.ticket_id = t.id AND m.words @@ " + WORDS + " OFFSET 0))";

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();
    private boolean text;

    /** A condition on the ticket {@code t} that every part of the view shares (status, filters, cursor). */
    ViewQuery where(String condition) {
        conditions.add(condition);
        return this;
    }

    ViewQuery bind(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** Only the tickets whose subject or a message has the words {@code words} (a tsquery, {@link TextSearch#query}). */
    ViewQuery text(String words) {
        text = true;
        return bind("words", words);
    }

    boolean hasText() {
        return text;
    }

    /** The parameters {@code sql} uses (the words are not one when the page starts from the hits). */
    Map<String, Object> params(String sql) {
        Map<String, Object> used = new HashMap<>();
        params.forEach((name, value) -> {
            if (sql.matches("(?s).*:" + name + "\\b.*")) {
                used.put(name, value);
            }
        });
        return used;
    }

    /** The words' parameters alone, for {@link #TEXT_HITS}. */
    Map<String, Object> textParams() {
        return Map.of("words", params.get("words"));
    }

    /** Only the pages after {@code cursor}. */
    ViewQuery after(ViewCursor cursor) {
        bind("cn", cursor.number());
        if (cursor.deadline() == null) {
            return where("(" + KEY + ", t.number) > (CAST('infinity' AS timestamptz), :cn)");
        }
        bind("cd", cursor.deadline());
        return where("(" + KEY + ", t.number) > (CAST(:cd AS timestamptz), :cn)");
    }

    /**
     * The ids of one page of {@code view} in the views' order, {@code limit} at most, of what {@code me} sees;
     * {@code textHits} from {@link #TEXT_HITS} when they are few (bound as {@code :hits}), else null. Uses {@code :me}
     * unless {@link #usesMe} says otherwise.
     */
    String sql(View view, Agent me, Collection<UUID> textHits, int limit) {
        if (text && textHits != null) {
            bind("hits", textHits);
            return "SELECT t.id FROM ticket t WHERE " + view.condition + " AND " + Visibility.condition(me) + and(TEXT_IN_HITS)
                    + " ORDER BY " + KEY + ", t.number LIMIT " + limit;
        }
        boolean seesAll = Visibility.seesAll(me);
        List<String> parts = switch (view) {
            case MINE -> List.of(read("t.assignee_id = :me", limit)); // all of them are the agent's to see
            case TEAM -> List.of(perTeam("TRUE", limit));
            case UNASSIGNED -> List.of(seesAll ? read(view.condition, limit) : perTeam(view.condition, limit));
            case AT_RISK, BREACHED -> seesAll ? List.of(read(view.condition, limit))
                    : List.of(read(view.condition + " AND t.assignee_id = :me", limit),
                            perTeam(view.condition + " AND t.assignee_id IS DISTINCT FROM :me", limit));
        };
        return "SELECT v.id FROM (" + parts.stream().map(p -> "(" + p + ")").collect(Collectors.joining(" UNION ALL "))
                + ") v ORDER BY v.k, v.n LIMIT " + limit;
    }

    /** The view's tickets that meet {@code condition}, in order, as one index range. */
    private String read(String condition, int limit) {
        return "SELECT t.id, " + KEY + " AS k, t.number AS n FROM ticket t WHERE " + condition + and(TEXT_PER_TICKET) + " ORDER BY " + KEY
                + ", t.number LIMIT " + limit;
    }

    /** The same, per team of the agent: one index range per team. */
    private String perTeam(String condition, int limit) {
        return "SELECT x.id, x.k, x.n FROM agent_team vt CROSS JOIN LATERAL (" + read("t.team_id = vt.team_id AND " + condition, limit)
                + ") x WHERE vt.agent_id = :me";
    }

    /** The shared conditions, each after an AND, with the text search as {@code textCondition}. */
    private String and(String textCondition) {
        List<String> all = new ArrayList<>(conditions);
        if (text) {
            all.add(textCondition);
        }
        return all.stream().map(c -> " AND " + c).collect(Collectors.joining());
    }

    static boolean usesMe(String sql) {
        return sql.contains(":me");
    }
}
