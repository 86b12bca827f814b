-- ticket-service: the unassigned view's status filter as an index range (issue 5), as V18 did for priority and channel.
--
-- No index of the unassigned tickets holds the status, so `status=open` on the unassigned view read the unassigned
-- tickets in the views' order (per team for an agent) and checked each one's status, or the planner took another
-- index and sorted; this set the unassigned view's p99. Keyed on the status, then the views' key, a page is one range
-- with no check: the admin's view in the first index, an agent's per team in the second.
CREATE INDEX ticket_view_unassigned_status ON ticket (status, (COALESCE(sla_deadline, 'infinity'::timestamptz)), number)
    WHERE assignee_id IS NULL AND status NOT IN ('solved', 'closed');
CREATE INDEX ticket_view_team_unassigned_status ON ticket (team_id, status, (COALESCE(sla_deadline, 'infinity'::timestamptz)), number)
    WHERE assignee_id IS NULL AND status NOT IN ('solved', 'closed');
