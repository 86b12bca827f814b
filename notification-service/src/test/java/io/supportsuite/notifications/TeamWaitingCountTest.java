package io.supportsuite.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportsuite.devstack.testing.DevStackResource;

/**
 * N1's backlog forecast reads each team's count of tickets waiting for a first answer from {@code team_waiting},
 * kept by a trigger instead of counted for every acknowledgement. Whatever moves a ticket in or out of the backlog
 * (created, first reply, solved, reopened, moved to another team, removed) must leave the kept count equal to a
 * fresh count of the projection, or acknowledgements promise too early or too late.
 */
@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(OpsWebhookResource.class)
class TeamWaitingCountTest {

    @Test
    void n1TheKeptBacklogOfEachTeamEqualsAFreshCountAfterEveryKindOfChange() {
        String team = "Waiting " + UUID.randomUUID();
        String other = "Other " + UUID.randomUUID();
        String run = UUID.randomUUID().toString().substring(0, 8);

        insert(run + "-new", team, "new", false);
        insert(run + "-open", team, "open", false);
        insert(run + "-pending", team, "pending", false);
        insert(run + "-solved", team, "solved", false);
        insert(run + "-answered", team, "open", true);
        assertKept(team, 3);

        Sql.execute("UPDATE ticket_contact SET first_replied_at = now() WHERE ticket_id = '" + run + "-new'"); // first reply
        assertKept(team, 2);
        Sql.execute("UPDATE ticket_contact SET status = 'open' WHERE ticket_id = '" + run + "-solved'"); // reopened
        assertKept(team, 3);
        Sql.execute("UPDATE ticket_contact SET status = 'closed' WHERE ticket_id = '" + run + "-pending'");
        assertKept(team, 2);
        Sql.execute("UPDATE ticket_contact SET team = '" + other + "' WHERE ticket_id = '" + run + "-open'"); // reassigned
        assertKept(team, 1);
        assertKept(other, 1);
        Sql.execute("UPDATE ticket_contact SET updated_at = now(), customer_name = 'Renamed' WHERE ticket_id LIKE '" + run + "-%'");
        assertKept(team, 1);
        assertKept(other, 1);
        Sql.execute("DELETE FROM ticket_contact WHERE ticket_id = '" + run + "-solved'");
        assertKept(team, 0);
        Sql.execute("UPDATE ticket_contact SET team = NULL WHERE ticket_id = '" + run + "-open'"); // no team: its own count
        assertKept(other, 0);
        assertEquals(Sql.number("SELECT count(*) FROM ticket_contact WHERE team IS NULL AND first_replied_at IS NULL "
                + "AND status NOT IN ('solved', 'closed')"), kept(""), "tickets without a team");
    }

    private void insert(String ticketId, String team, String status, boolean answered) {
        Sql.execute("INSERT INTO ticket_contact (ticket_id, ticket_number, subject, channel, status, team, locale, time_zone, "
                + "created_at, updated_at, first_replied_at) VALUES ('" + ticketId + "', 1, 'Backlog', 'email', '" + status
                + "', '" + team + "', 'en', 'UTC', now(), now(), " + (answered ? "now()" : "NULL") + ")");
    }

    private void assertKept(String team, long expected) {
        long fresh = Sql.number("SELECT count(*) FROM ticket_contact WHERE team = '" + team + "' AND first_replied_at IS NULL "
                + "AND status NOT IN ('solved', 'closed')");
        assertEquals(expected, fresh, "the projection's own count");
        assertEquals(fresh, kept(team), "the kept count of " + team);
    }

    private long kept(String team) {
        return Sql.number("SELECT COALESCE((SELECT waiting FROM team_waiting WHERE team = '" + team + "'), 0)");
    }
}
