package io.supportsuite.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The ticket-views benchmark's data, written straight into ticket-service's database in a few set-based statements
 * (generate_series) and kept for the next run: 6 teams of 10 agents, one customer (with an e-mail identity) per 5
 * tickets, N tickets (60 % closed, 10 % solved two days ago so that none closes during the run, the rest new, open, pending or on hold; 25 % of the live ones
 * unassigned; a spread of channels and priorities; SLA deadlines from 5 h overdue to 60 h ahead, none for 10 %), 1 to 3
 * messages per ticket (2 on average) and 0 to 2 tags. Ids are derived from names (md5), so each statement finds the
 * rows of the others without joins.
 */
final class TicketViewsSeed {

    static final int TEAMS = 6;
    static final int AGENTS_PER_TEAM = 10;
    private static final String LIVE = "status NOT IN ('solved', 'closed')";

    private TicketViewsSeed() {
    }

    static String teamName(int team) {
        return "Bench team " + team;
    }

    /** The id the seed gives team {@code team}: PostgreSQL's {@code md5('bench-team-<n>')::uuid}. */
    static String teamId(int team) {
        try {
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(("bench-team-" + team).getBytes(StandardCharsets.UTF_8)));
            return UUID.fromString(hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5")).toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void teamsAndAgents(Connection db) throws Exception {
        try (Statement st = db.createStatement()) {
            st.executeUpdate("INSERT INTO team (id, name, created_at) SELECT md5('bench-team-' || t)::uuid, 'Bench team ' || t, now() "
                    + "FROM generate_series(0, " + (TEAMS - 1) + ") t ON CONFLICT DO NOTHING");
            // agents who only own tickets here: nobody logs in as them (no valid password hash)
            st.executeUpdate("INSERT INTO agent (id, username, name, email, password_hash, role, created_at) "
                    + "SELECT md5('bench-agent-' || t || '-' || a)::uuid, 'bench-agent-' || t || '-' || a, 'Bench Agent ' || t || '.' || a, "
                    + "'bench-agent-' || t || '-' || a || '@bench.example', '-', 'agent', now() "
                    + "FROM generate_series(0, " + (TEAMS - 1) + ") t, generate_series(1, " + (AGENTS_PER_TEAM - 1) + ") a ON CONFLICT DO NOTHING");
            st.executeUpdate("INSERT INTO agent_team (agent_id, team_id) SELECT md5('bench-agent-' || t || '-' || a)::uuid, "
                    + "md5('bench-team-' || t)::uuid FROM generate_series(0, " + (TEAMS - 1) + ") t, generate_series(1, "
                    + (AGENTS_PER_TEAM - 1) + ") a ON CONFLICT DO NOTHING");
        }
    }

    /**
     * The tickets, unless as many bench tickets are there already; agent 0 of team 0 is {@code viewerId}, the agent the
     * benchmark logs in as. Returns how many bench tickets there are.
     */
    static int tickets(Connection db, int count, String viewerId) throws Exception {
        int existing = benchTickets(db);
        if (existing >= count) {
            return existing;
        }
        if (existing > 0) {
            throw new IllegalStateException(existing + " bench tickets of a smaller run are in the database; start from an empty one (--reset)");
        }
        String assignee = "CASE WHEN g % " + TEAMS + " = 0 AND (g / " + TEAMS + ") % " + AGENTS_PER_TEAM + " = 0 THEN '" + viewerId
                + "'::uuid ELSE md5('bench-agent-' || (g % " + TEAMS + ") || '-' || greatest(1, (g / " + TEAMS + ") % "
                + AGENTS_PER_TEAM + "))::uuid END";
        int customers = Math.max(1, count / 5);
        try (Statement st = db.createStatement()) {
            db.setAutoCommit(false);
            st.executeUpdate("INSERT INTO customer (id, name, locale, time_zone, segment, created_at) "
                    + "SELECT md5('bench-customer-' || c)::uuid, 'Customer ' || c, 'en', 'UTC', CASE WHEN c % 50 = 0 THEN 'vip' ELSE 'standard' END, "
                    + "now() - interval '400 days' FROM generate_series(0, " + (customers - 1) + ") c");
            st.executeUpdate("INSERT INTO customer_identity (id, customer_id, kind, value, created_at) "
                    + "SELECT md5('bench-identity-' || c)::uuid, md5('bench-customer-' || c)::uuid, 'email', 'customer' || c || '@bench.example', "
                    + "now() - interval '400 days' FROM generate_series(0, " + (customers - 1) + ") c");
            st.executeUpdate("INSERT INTO ticket (id, number, subject, status, priority, channel, customer_id, created_at, updated_at, "
                    + "first_responded_at, solved_at, closed_at, sla_deadline, sla_at_risk, sla_breached, team_id, assignee_id) "
                    + "SELECT id, nextval('ticket_number_seq'), subject, status, priority, channel, customer_id, created, created + interval '1 hour', "
                    + "CASE WHEN status = 'new' THEN NULL ELSE created + interval '30 minutes' END, "
                    + "CASE WHEN status = 'closed' THEN created + interval '1 day' WHEN status = 'solved' THEN now() - interval '2 days' END, "
                    + "CASE WHEN status = 'closed' THEN created + interval '5 days' END, deadline, "
                    + "COALESCE(live AND deadline >= now() AND deadline < now() + interval '4 hours', false), COALESCE(live AND deadline < now(), false), "
                    + "CASE WHEN g % 33 = 0 THEN NULL ELSE md5('bench-team-' || (g % " + TEAMS + "))::uuid END, "
                    + "CASE WHEN live AND ra < 0.25 THEN NULL ELSE " + assignee + " END "
                    + "FROM (SELECT *, status NOT IN ('solved', 'closed') AS live, "
                    + "  CASE WHEN status IN ('solved', 'closed') THEN created + interval '8 hours' WHEN rd < 0.1 THEN NULL "
                    + "       ELSE now() + (rd * 72 - 12) * interval '1 hour' END AS deadline "
                    + "  FROM (SELECT g, md5('bench-ticket-' || g)::uuid AS id, md5('bench-customer-' || (g % " + customers + "))::uuid AS customer_id, "
                    + "    (ARRAY['Refund for my order', 'Cannot log in', 'Package did not arrive', 'Invoice is wrong', 'App crashes on start', "
                    + "      'Change my address', 'Cancel my subscription', 'Question about pricing', 'Damaged item', 'Password reset not working'])"
                    + "      [1 + g % 10] || ' (ORD-' || lpad(g::text, 7, '0') || ')' AS subject, "
                    + "    CASE WHEN rs < 0.60 THEN 'closed' WHEN rs < 0.70 THEN 'solved' WHEN rs < 0.76 THEN 'new' WHEN rs < 0.90 THEN 'open' "
                    + "      WHEN rs < 0.96 THEN 'pending' ELSE 'on_hold' END AS status, "
                    + "    CASE WHEN rp < 0.20 THEN 'low' WHEN rp < 0.75 THEN 'normal' WHEN rp < 0.95 THEN 'high' ELSE 'urgent' END AS priority, "
                    + "    (ARRAY['email', 'email', 'email', 'chat', 'chat', 'whatsapp', 'telegram', 'phone', 'webform', 'messenger'])"
                    + "      [1 + floor(rc * 10)::int] AS channel, "
                    + "    CASE WHEN rs < 0.70 THEN now() - rt * interval '365 days' ELSE now() - rt * interval '14 days' END AS created, rd, ra "
                    + "    FROM (SELECT g, random() rs, random() rp, random() rc, random() rt, random() rd, random() ra "
                    + "          FROM generate_series(1, " + count + ") g) r) x) y");
            // 1 to 3 messages: the customer's, then the agent's reply, then the customer again
            st.executeUpdate("INSERT INTO ticket_message (id, ticket_id, direction, author_type, author_name, channel, text, created_at) "
                    + "SELECT md5('bench-message-' || g || '-' || k)::uuid, t.id, CASE WHEN k = 2 THEN 'outbound' ELSE 'inbound' END, "
                    + "CASE WHEN k = 2 THEN 'agent' ELSE 'customer' END, CASE WHEN k = 2 THEN 'Bench Agent' ELSE 'Customer' END, t.channel, "
                    + "CASE WHEN k = 2 THEN 'Thank you for reaching out about ' || t.subject || '. We are looking into it and will get back to you shortly.' "
                    + "ELSE (ARRAY['Hello, I ordered last week and nothing has arrived yet. ', 'Hi, the invoice shows a wrong amount. ', "
                    + "  'Good morning, I would like my money back. ', 'Hello, the tracking page has not moved in days. ', "
                    + "  'Hi, I cannot sign in since the update. ', 'Hello, please change the delivery address. ', "
                    + "  'Dear support, the screen stays white after I open it. ', 'Hi, how much is the yearly plan? '])[1 + (g * k) % 8] "
                    + "  || 'Order ORD-' || lpad(g::text, 7, '0') || ', customer since ' || (2015 + g % 10) || '. Thanks.' END, "
                    + "t.created_at + k * interval '10 minutes' "
                    + "FROM (SELECT g, md5('bench-ticket-' || g)::uuid AS id FROM generate_series(1, " + count + ") g) s "
                    + "JOIN ticket t ON t.id = s.id, generate_series(1, 1 + s.g % 3) k");
            st.executeUpdate("INSERT INTO ticket_tag (ticket_id, tag) SELECT md5('bench-ticket-' || g)::uuid, "
                    + "(ARRAY['billing', 'refund', 'shipping', 'login', 'bug', 'vip', 'feedback', 'cancellation', 'address', 'pricing', "
                    + "'damaged', 'mobile'])[1 + floor(random() * 12)::int] FROM generate_series(1, " + count + ") g, generate_series(1, (g / 7) % 3) k "
                    + "ON CONFLICT DO NOTHING");
            db.commit();
            db.setAutoCommit(true);
            st.execute("ANALYZE");
        }
        return benchTickets(db);
    }

    private static int benchTickets(Connection db) throws Exception {
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM ticket WHERE team_id IN (SELECT id FROM team WHERE name LIKE 'Bench team %') "
                        + "OR (team_id IS NULL AND subject LIKE '%(ORD-%')")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** How many of the bench tickets are live, for the report. */
    static int live(Connection db) throws Exception {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM ticket WHERE " + LIVE)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
