package io.supportsuite.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The agent console's views over a large ticket table, as agents use them: N tickets (default 1,000,000) with
 * customers, messages, tags, teams and agents seeded straight into ticket-service's database with set-based SQL
 * (kept for the next run), then each view (mine, unassigned, team, at-risk, breached) asked through the REST API
 * with a logged-in session (the console's form login) by an agent of one team and by an admin: the first page, the
 * next pages through the cursor, a page from the middle and from past the last deadline, and each filter (status,
 * channel, priority, tag, a common word, an order number). Per view p50/p99. Baseline in the same run, interleaved
 * with the views: {@code GET /api/me} with the same session (login, one row read, JSON).
 */
final class TicketViewsBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] VIEWS = { "mine", "unassigned", "team", "at-risk", "breached" };
    private static final String VIEWER = "bench-viewer";
    private static final String VIEWER_PASSWORD = "bench-viewer-password";

    private TicketViewsBenchmark() {
    }

    static void run(Options options) throws Exception {
        int count = options.number("count", 1_000_000);
        int rounds = options.number("rounds", 20);
        String service = options.text("service", "http://localhost:8081");
        String jdbc = options.text("jdbc", "jdbc:postgresql://localhost:5432/tickets");
        String admin = options.text("admin", "admin");
        String adminPassword = options.text("admin-password", "support-admin");

        try (Connection db = DriverManager.getConnection(jdbc, options.text("pg-user", "postgres"), options.text("pg-password", "postgres"))) {
            long seedStart = System.nanoTime();
            TicketViewsSeed.teamsAndAgents(db);
            int seeded = TicketViewsSeed.tickets(db, count, ensureViewer(service, admin, adminPassword));
            System.out.printf("ticket-views: %d tickets, %d live (%s), %s%n", seeded, TicketViewsSeed.live(db), seeded >= count ? "seeded in "
                    + Math.round((System.nanoTime() - seedStart) / 1e9) + " s or before" : "fewer than asked", SlaClocksBenchmark.Load.now());
            Map<String, HttpClient> sessions = new LinkedHashMap<>();
            sessions.put("agent", login(service, VIEWER, VIEWER_PASSWORD));
            sessions.put("admin", login(service, admin, adminPassword));
            List<String> filters = filters(db);
            Map<String, List<Long>> byView = new LinkedHashMap<>();
            Map<String, List<Long>> byCase = new LinkedHashMap<>();
            List<Long> baseline = new ArrayList<>();
            for (int round = -2; round < rounds; round++) { // two rounds to warm up, not counted
                for (var session : sessions.entrySet()) {
                    for (String view : VIEWS) {
                        for (String query : filters) {
                            boolean counted = round >= 0;
                            long base = time(session.getValue(), service + "/api/me");
                            String url = service + "/api/views/" + view + (query.isEmpty() ? "" : "?" + query);
                            Page page = page(session.getValue(), url);
                            List<Page> pages = new ArrayList<>(List.of(page));
                            // the plain view: three more pages through the cursor, as an agent scrolls
                            for (int more = 0; query.isEmpty() && more < 3 && page.next() != null; more++) {
                                page = page(session.getValue(), url + "?after=" + page.next());
                                pages.add(page);
                            }
                            if (counted) {
                                baseline.add(base);
                                for (int i = 0; i < pages.size(); i++) {
                                    String name = session.getKey() + " " + view + " " + (i > 0 ? "next page" : query.isEmpty() ? "first page" : query);
                                    byCase.computeIfAbsent(name, k -> new ArrayList<>()).add(pages.get(i).nanos());
                                    byView.computeIfAbsent(view, k -> new ArrayList<>()).add(pages.get(i).nanos());
                                }
                            }
                        }
                    }
                }
            }
            long[] base = sorted(baseline);
            System.out.printf("ticket-views: baseline GET /api/me (same sessions, interleaved) x %d: %s%n", base.length,
                    TicketWatcher.percentiles(base));
            byCase.forEach((name, samples) -> System.out.printf("ticket-views:   %-48s %s%n", name, TicketWatcher.percentiles(longs(samples))));
            byView.forEach((view, samples) -> report("view " + view, sorted(samples), base));
            report("all views", sorted(byView.values().stream().flatMap(List::stream).toList()), base);
            report("all but text search", sorted(byCase.entrySet().stream().filter(e -> !e.getKey().contains("q="))
                    .flatMap(e -> e.getValue().stream()).toList()), base);
            report("text search", sorted(byCase.entrySet().stream().filter(e -> e.getKey().contains("q="))
                    .flatMap(e -> e.getValue().stream()).toList()), base);
            System.out.printf("ticket-views: N %d; %s%n", seeded, SlaClocksBenchmark.Load.now());
        }
    }

    private static void report(String name, long[] sorted, long[] base) {
        System.out.printf("ticket-views: %-20s x %4d: %s; / baseline: p50 %.1f, p99 %.1f%n", name, sorted.length,
                TicketWatcher.percentiles(sorted), (double) TicketWatcher.millis(sorted, 0.50) / Math.max(1, TicketWatcher.millis(base, 0.50)),
                (double) TicketWatcher.millis(sorted, 0.99) / Math.max(1, TicketWatcher.millis(base, 0.99)));
    }

    private static long[] sorted(List<Long> values) {
        long[] sorted = longs(values);
        java.util.Arrays.sort(sorted);
        return sorted;
    }

    /**
     * What is asked of each view: the plain view (then its next pages), a page from the middle of the deadline order,
     * one past the last deadline, and each filter.
     */
    private static List<String> filters(Connection db) throws Exception {
        List<String> filters = new ArrayList<>(List.of("", "status=open", "channel=chat", "priority=urgent", "tag=refund", "q=refund"));
        try (Statement st = db.createStatement();
                ResultSet middle = st.executeQuery("SELECT (extract(epoch FROM sla_deadline) * 1000000)::bigint, number FROM ticket "
                        + "WHERE status NOT IN ('solved', 'closed') AND sla_deadline IS NOT NULL ORDER BY sla_deadline, number "
                        + "OFFSET (SELECT count(*) / 2 FROM ticket WHERE status NOT IN ('solved', 'closed') AND sla_deadline IS NOT NULL) LIMIT 1")) {
            if (middle.next()) {
                filters.add("after=" + middle.getLong(1) + "_" + middle.getLong(2));
            }
        }
        try (Statement st = db.createStatement();
                ResultSet number = st.executeQuery("SELECT min(number) + (max(number) - min(number)) / 2 FROM ticket")) {
            number.next();
            filters.add("after=none_" + number.getLong(1));
        }
        try (Statement st = db.createStatement();
                ResultSet order = st.executeQuery("SELECT substring(subject FROM 'ORD-[0-9]+') FROM ticket WHERE status = 'open' "
                        + "AND subject LIKE '%ORD-%' LIMIT 1")) {
            if (order.next()) {
                filters.add("q=" + order.getString(1));
            }
        }
        return filters;
    }

    record Page(long nanos, String next, int items) {
    }

    private static Page page(HttpClient http, String url) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        String next = body.path("next").isTextual() ? URLEncoder.encode(body.get("next").asText(), StandardCharsets.UTF_8) : null;
        return new Page(nanos, next, body.path("items").size());
    }

    private static long time(HttpClient http, String url) throws Exception {
        long start = System.nanoTime();
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding());
        long nanos = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return nanos;
    }

    /** A client logged in through the console's form (the session cookie), as a browser is. */
    private static HttpClient login(String service, String username, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        String form = "j_username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(service + "/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 3 || response.headers().firstValue("location").orElse("").contains("error")) {
            throw new IllegalStateException("Login of " + username + " failed: " + response.statusCode());
        }
        return http;
    }

    /** The agent the benchmark logs in as (role agent, in the first bench team), created through the API once; its id. */
    private static String ensureViewer(String service, String admin, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String basic = "Basic " + Base64.getEncoder().encodeToString((admin + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> agents = http.send(HttpRequest.newBuilder(URI.create(service + "/api/agents")).header("Authorization", basic)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode agent : JSON.readTree(agents.body())) {
            if (VIEWER.equals(agent.path("username").asText())) {
                return agent.get("id").asText();
            }
        }
        String body = JSON.writeValueAsString(Map.of("username", VIEWER, "name", "Bench Viewer", "password", VIEWER_PASSWORD,
                "role", "agent", "teamIds", List.of(TicketViewsSeed.teamId(0))));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(service + "/api/agents")).header("Authorization", basic)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() / 100 != 2) {
            throw new IllegalStateException("Creating the agent " + VIEWER + " failed: " + created.statusCode() + " " + created.body());
        }
        return JSON.readTree(created.body()).get("id").asText();
    }

    private static long[] longs(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }
}
