-- ticket-service: the unassigned view's priority and channel filters as index ranges (issue 5), replacing V17's
-- indexes over all live tickets.
--
-- The planner did not read V17's (priority, key, number) for the unassigned view: it preferred the routing's narrow
-- index of unassigned tickets (ticket_waiting, V11), every one of them, sorted after (0.5-0.9 s, the admin's and an
-- agent's per team alike). Indexes of the unassigned tickets alone, keyed on the filter, then the views' key, are a
-- range with no check at all. V17's indexes over all live tickets serve no view's plan (at risk and breached are
-- narrow ranges of their own, checked in order) and are dropped: each costs every new ticket an index entry.
CREATE INDEX ticket_view_unassigned_priority ON ticket (priority, (COALESCE(sla_deadline, 'infinity'::timestamptz)), number)
    WHERE assignee_id IS NULL AND status NOT IN ('solved', 'closed');
CREATE INDEX ticket_view_unassigned_channel ON ticket (channel, (COALESCE(sla_deadline, 'infinity'::timestamptz)), number)
    WHERE assignee_id IS NULL AND status NOT IN ('solved', 'closed');
CREATE INDEX ticket_view_team_unassigned_priority ON ticket (team_id, priority, (COALESCE(sla_deadline, 'infinity'::timestamptz)), number)
    WHERE assignee_id IS NULL AND status NOT IN ('solved', 'closed');
CREATE INDEX ticket_view_team_unassigned_channel ON ticket (team_id, channel, (COALESCE(sla_deadline, 'infinity'::timestamptz)), number)
    WHERE assignee_id IS NULL AND status NOT IN ('solved', 'closed');

DROP INDEX ticket_view_priority;
DROP INDEX ticket_view_channel;
