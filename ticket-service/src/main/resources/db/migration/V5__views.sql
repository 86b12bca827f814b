-- ticket-service: the agent console's views (mine, unassigned, team, at risk, breached), sorted by SLA deadline
-- with keyset pagination over the live tickets (not solved, not closed).

CREATE INDEX ticket_live_deadline ON ticket (sla_deadline, number) WHERE status NOT IN ('solved', 'closed');
CREATE INDEX ticket_live_assignee ON ticket (assignee_id, sla_deadline, number) WHERE status NOT IN ('solved', 'closed');
CREATE INDEX ticket_live_team ON ticket (team_id, sla_deadline, number) WHERE status NOT IN ('solved', 'closed');
CREATE INDEX ticket_live_at_risk ON ticket (sla_deadline, number) WHERE sla_at_risk AND status NOT IN ('solved', 'closed');
CREATE INDEX ticket_live_breached ON ticket (sla_deadline, number) WHERE sla_breached AND status NOT IN ('solved', 'closed');
