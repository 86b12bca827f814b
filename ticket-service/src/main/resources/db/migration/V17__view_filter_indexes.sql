-- ticket-service: the views' priority and channel filters as index ranges in the views' order (issue 5).
--
-- No V14 index holds the priority or the channel, so a filtered page read a view's range and checked each ticket:
-- `priority=urgent` (5 % of tickets) some 1,000 per page, and the planner sometimes preferred to read every
-- unassigned ticket of the routing's index and sort them (0.8 s cold for the admin's unassigned view). Keyed on the
-- filter first, then the views' key, a filtered page is one range again: the admin's views (all, unassigned, at
-- risk, breached) read the live tickets of that priority or channel in order and check the view's condition, which
-- most of them meet; the agent's per-team parts do so per team. Four indexes only (each is kept up on every new
-- ticket): an agent's own tickets are a few thousand, which a filter reads in their own index.
CREATE INDEX ticket_view_priority ON ticket (priority, (COALESCE(sla_deadline, 'infinity'::timestamptz)), number)
    WHERE status NOT IN ('solved', 'closed');
CREATE INDEX ticket_view_channel ON ticket (channel, (COALESCE(sla_deadline, 'infinity'::timestamptz)), number)
    WHERE status NOT IN ('solved', 'closed');
CREATE INDEX ticket_view_team_priority ON ticket (team_id, priority, (COALESCE(sla_deadline, 'infinity'::timestamptz)), number)
    WHERE status NOT IN ('solved', 'closed');
CREATE INDEX ticket_view_team_channel ON ticket (team_id, channel, (COALESCE(sla_deadline, 'infinity'::timestamptz)), number)
    WHERE status NOT IN ('solved', 'closed');
