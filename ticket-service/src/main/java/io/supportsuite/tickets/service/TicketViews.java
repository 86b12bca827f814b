package io.supportsuite.tickets.service;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.supportsuite.runtime.problem.ProblemException;
import io.supportsuite.tickets.agent.CurrentAgent;
import io.supportsuite.tickets.api.ViewPage;
import io.supportsuite.tickets.config.TicketsConfig;
import io.supportsuite.tickets.ticket.Ticket;
import io.supportsuite.tickets.ticket.TicketStatus;

/**
 * The agent console's views over the live tickets (not solved or closed, unless a status is asked for): mine,
 * unassigned, my teams', at risk (R4), breached (R1); filtered by status, channel, priority, tag and text (subject
 * and messages); sorted by SLA deadline, soonest first and tickets without a deadline last; keyset-paged.
 */
@ApplicationScoped
public class TicketViews {

    /** A view, by its path name. */
    public enum View {
        MINE("t.assignee_id = :me"),
        UNASSIGNED("t.assignee_id IS NULL"),
        TEAM("t.team_id IN (SELECT vt.team_id FROM agent_team vt WHERE vt.agent_id = :me)"),
        AT_RISK("t.sla_at_risk"),
        BREACHED("t.sla_breached");

        final String condition;

        View(String condition) {
            this.condition = condition;
        }

        public String path() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<View> parse(String path) {
            return Arrays.stream(values()).filter(v -> v.path().equals(path)).findFirst();
        }
    }

    /** The filters of a view request, as received. */
    public record Filters(String status, String channel, String priority, String tag, String text, String limit, String after) {
    }

    private final TicketQueries queries;
    private final CurrentAgent current;
    private final TicketsConfig config;

    public TicketViews(TicketQueries queries, CurrentAgent current, TicketsConfig config) {
        this.queries = queries;
        this.current = current;
        this.config = config;
    }

    public Uni<ViewPage> page(String viewName, Filters f) {
        View view = View.parse(viewName).orElseThrow(() -> new ProblemException(404, "not-found", "Not found",
                "No view '" + viewName + "'; one of " + Arrays.stream(View.values()).map(View::path).collect(Collectors.joining(", "))));
        Optional<TicketStatus> status = Problems.blank(f.status()) ? Optional.empty() : TicketStatus.parse(f.status());
        String priority = f.priority() == null ? null : f.priority().trim().toLowerCase(Locale.ROOT);
        Integer size = integer(f.limit());
        Optional<ViewCursor> after = ViewCursor.read(f.after());
        int max = config.listing().maxLimit();
        Problems.validate()
                .check(Problems.blank(f.status()) || status.isPresent(), "status", "one of " + TicketStatus.names())
                .check(Problems.blank(priority) || TicketActions.PRIORITIES.contains(priority), "priority", "one of low, normal, high, urgent")
                .check(f.limit() == null || (size != null && size >= 1 && size <= max), "limit", "must be a number from 1 to " + max)
                .check(f.after() == null || after.isPresent(), "after", "must be the next cursor of a previous page")
                .orFail();
        int pageSize = size == null ? config.listing().defaultLimit() : size;

        ViewQuery query = new ViewQuery();
        if (status.isPresent()) {
            query.where("t.status = :status").bind("status", status.get().wire());
        }
        if (status.isEmpty() || (status.get() != TicketStatus.SOLVED && status.get() != TicketStatus.CLOSED)) {
            query.where(ViewQuery.LIVE); // also with a live status: the views' partial indexes need it said
        }
        if (!Problems.blank(f.channel())) {
            query.where("t.channel = :channel").bind("channel", f.channel().trim().toLowerCase(Locale.ROOT));
        }
        if (!Problems.blank(priority)) {
            query.where("t.priority = :priority").bind("priority", priority);
        }
        if (!Problems.blank(f.tag())) {
            query.where("EXISTS (SELECT 1 FROM ticket_tag g WHERE g.ticket_id = t.id AND g.tag = :tag)")
                    .bind("tag", f.tag().trim().toLowerCase(Locale.ROOT));
        }
        after.ifPresent(query::after);
        String text = Problems.blank(f.text()) ? null : f.text().trim();

        return Panache.withSession(() -> current.agent()
                .chain(me -> words(query, text).chain(words -> textHits(query, words)).chain(hits -> {
                    if (text != null && !query.hasText() || hits != null && hits.isEmpty()) { // no word asked for, or none found
                        return Uni.createFrom().item(List.<UUID>of());
                    }
                    String sql = query.sql(view, me, hits, pageSize + 1); // one more tells whether there is a next page
                    return Panache.getSession().chain(s -> {
                        var select = s.createNativeQuery(sql, UUID.class);
                        query.params(sql).forEach(select::setParameter);
                        if (ViewQuery.usesMe(sql)) {
                            select.setParameter("me", me.id);
                        }
                        return select.getResultList();
                    });
                }))
                .chain(ids -> load(ids.size() > pageSize ? ids.subList(0, pageSize) : ids).chain(tickets -> {
                    String next = ids.size() > pageSize && !tickets.isEmpty()
                            ? new ViewCursor(tickets.get(tickets.size() - 1).slaDeadline, tickets.get(tickets.size() - 1).number).write()
                            : null;
                    return queries.summaries(tickets).map(items -> new ViewPage(view.path(), items, next));
                })));
    }

    /** Adds the words of {@code text} to {@code query}, if there is a text (none when only punctuation); the words. */
    private static Uni<List<String>> words(ViewQuery query, String text) {
        if (text == null) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(TextSearch.WORDS, String.class).setParameter("text", text).getResultList())
                .invoke(words -> {
                    String tsquery = TextSearch.query(words);
                    if (tsquery != null) {
                        query.text(tsquery);
                    }
                });
    }

    /** The statistics' common words, as {@link TextSearch#COMMON_WORDS} read them at {@code readAt}. */
    private record CommonWords(Map<String, Double> subjects, double subjectRows, Map<String, Double> messages, double messageRows, long readAt) {

        boolean common(List<String> words) {
            return TextSearch.common(words, subjects, subjectRows, ViewQuery.TEXT_FEW_HITS)
                    || TextSearch.common(words, messages, messageRows, ViewQuery.TEXT_FEW_HITS);
        }
    }

    private static final long COMMON_WORDS_FOR_NANOS = Duration.ofMinutes(5).toNanos();
    private volatile CommonWords commonWords;

    /** The common words, read again when older than five minutes. */
    private Uni<CommonWords> commonWords() {
        CommonWords known = commonWords;
        if (known != null && System.nanoTime() - known.readAt() < COMMON_WORDS_FOR_NANOS) {
            return Uni.createFrom().item(known);
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(TextSearch.COMMON_WORDS, Object[].class).getResultList()).map(rows -> {
            Map<String, Double> subjects = new HashMap<>();
            Map<String, Double> messages = new HashMap<>();
            double subjectRows = 0;
            double messageRows = 0;
            for (Object[] row : rows) {
                double share = ((Number) row[2]).doubleValue();
                double tableRows = row[3] == null ? 0 : Math.max(0, ((Number) row[3]).doubleValue());
                if ("message".equals(row[0])) {
                    messages.put((String) row[1], share);
                    messageRows = tableRows;
                } else {
                    subjects.put((String) row[1], share);
                    subjectRows = tableRows;
                }
            }
            CommonWords read = new CommonWords(subjects, subjectRows, messages, messageRows, System.nanoTime());
            commonWords = read;
            return read;
        });
    }

    /**
     * The tickets the text search matches when they are few (then the page starts from them), or null when they are many
     * or there is no text search. A word alone that the statistics call common goes to the view at once: counting its
     * matches would read its whole posting list (100,000 for a word in 10 % of a million subjects) only to learn that.
     */
    private Uni<Set<UUID>> textHits(ViewQuery query, List<String> words) {
        if (!query.hasText()) {
            return Uni.createFrom().nullItem();
        }
        return commonWords().chain(common -> common.common(words) ? Uni.createFrom().<Set<UUID>>nullItem() : textHits(query));
    }

    private static Uni<Set<UUID>> textHits(ViewQuery query) {
        return Panache.getSession().chain(s -> {
            var hits = s.createNativeQuery(ViewQuery.TEXT_HITS, UUID.class);
            query.textParams().forEach(hits::setParameter);
            return hits.getResultList();
        }).map(hits -> hits.size() > ViewQuery.TEXT_FEW_HITS ? null : new HashSet<>(hits));
    }

    /** The tickets in the order of {@code ids}. */
    private static Uni<List<Ticket>> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Ticket.<Ticket>list("id in ?1", ids).map(found -> {
            Map<UUID, Ticket> byId = found.stream().collect(Collectors.toMap(t -> t.id, Function.identity()));
            return ids.stream().map(byId::get).filter(t -> t != null).toList();
        });
    }

    private static Integer integer(String s) {
        try {
            return s == null ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
