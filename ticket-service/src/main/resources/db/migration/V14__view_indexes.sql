-- ticket-service: the views' indexes for keyset pagination over a large ticket table (issue 5: p99 <= 100 ms over
-- 1,000,000 tickets).
--
-- The views sort by SLA deadline, tickets without one last, then number. Keyed on
-- COALESCE(sla_deadline, 'infinity') the order is one plain ascending key, so the next page is a single range
-- ((key, number) > (cursor)) that an index scan starts at, instead of an OR over "later deadline", "same deadline,
-- later number" and "no deadline" that made every page read the index from its start.

-- Every live ticket (admins' views, the queue of an agent's tickets and, with the team key, of their teams).
CREATE INDEX ticket_view_live ON ticket ((COALESCE(sla_deadline, 'infinity'::timestamptz)), number)
    WHERE status NOT IN ('solved', 'closed');
CREATE INDEX ticket_view_assignee ON ticket (assignee_id, (COALESCE(sla_deadline, 'infinity'::timestamptz)), number)
    WHERE status NOT IN ('solved', 'closed');
CREATE INDEX ticket_view_team ON ticket (team_id, (COALESCE(sla_deadline, 'infinity'::timestamptz)), number)
    WHERE status NOT IN ('solved', 'closed');

-- A status asked for, solved and closed too (the indexes above hold the live tickets only).
CREATE INDEX ticket_view_status ON ticket (status, (COALESCE(sla_deadline, 'infinity'::timestamptz)), number);

-- The narrower views, for everyone, per team and per agent (an agent's view is their own and their teams' part of it).
CREATE INDEX ticket_view_unassigned ON ticket ((COALESCE(sla_deadline, 'infinity'::timestamptz)), number)
    WHERE assignee_id IS NULL AND status NOT IN ('solved', 'closed');
CREATE INDEX ticket_view_team_unassigned ON ticket (team_id, (COALESCE(sla_deadline, 'infinity'::timestamptz)), number)
    WHERE assignee_id IS NULL AND status NOT IN ('solved', 'closed');
CREATE INDEX ticket_view_at_risk ON ticket ((COALESCE(sla_deadline, 'infinity'::timestamptz)), number)
    WHERE sla_at_risk AND status NOT IN ('solved', 'closed');
CREATE INDEX ticket_view_team_at_risk ON ticket (team_id, (COALESCE(sla_deadline, 'infinity'::timestamptz)), number)
    WHERE sla_at_risk AND status NOT IN ('solved', 'closed');
CREATE INDEX ticket_view_assignee_at_risk ON ticket (assignee_id, (COALESCE(sla_deadline, 'infinity'::timestamptz)), number)
    WHERE sla_at_risk AND status NOT IN ('solved', 'closed');
CREATE INDEX ticket_view_breached ON ticket ((COALESCE(sla_deadline, 'infinity'::timestamptz)), number)
    WHERE sla_breached AND status NOT IN ('solved', 'closed');
CREATE INDEX ticket_view_team_breached ON ticket (team_id, (COALESCE(sla_deadline, 'infinity'::timestamptz)), number)
    WHERE sla_breached AND status NOT IN ('solved', 'closed');

CREATE INDEX ticket_view_assignee_breached ON ticket (assignee_id, (COALESCE(sla_deadline, 'infinity'::timestamptz)), number)
    WHERE sla_breached AND status NOT IN ('solved', 'closed');

-- Replaced by the ones above (the assignee one still serves the routing's count of an agent's live tickets).
DROP INDEX ticket_live_deadline;
DROP INDEX ticket_live_assignee;
DROP INDEX ticket_live_team;
DROP INDEX ticket_live_at_risk;
DROP INDEX ticket_live_breached;

-- Text search over subjects and messages (ILIKE '%text%') by trigrams; pg_trgm is a trusted extension, so the
-- database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX ticket_subject_trgm ON ticket USING gin (subject gin_trgm_ops);
CREATE INDEX ticket_message_text_trgm ON ticket_message USING gin (text gin_trgm_ops);
