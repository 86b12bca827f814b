-- N1 forecast: when each ticket got its first public answer, so the team's live backlog (waiting for a
-- first answer) and its recent answer rate can be counted from this service's own projection.
ALTER TABLE ticket_contact ADD COLUMN first_replied_at TIMESTAMPTZ;

CREATE INDEX ticket_contact_waiting_by_team ON ticket_contact (team) WHERE first_replied_at IS NULL;
CREATE INDEX ticket_contact_replied_by_team ON ticket_contact (team, first_replied_at);
