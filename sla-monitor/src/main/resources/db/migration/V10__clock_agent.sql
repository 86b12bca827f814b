-- sla-monitor: who a promise is on, for compliance per agent (M1): the agent who answered (ticket.replied,
-- contact.answered); until then the ticket's assignee (ticket.assigned); a callback's owner.

ALTER TABLE clock ADD COLUMN agent_id TEXT;
ALTER TABLE clock ADD COLUMN agent_name TEXT;

-- The ticket's current assignee by event time, so a clock started later (next_response) is on them too.
CREATE TABLE ticket_assignee (
    ticket_id   TEXT        PRIMARY KEY,
    agent_id    TEXT,
    agent_name  TEXT,
    assigned_at TIMESTAMPTZ NOT NULL
);

CREATE FUNCTION clock_agent_from_assignee() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT a.agent_id, a.agent_name INTO NEW.agent_id, NEW.agent_name FROM ticket_assignee a WHERE a.ticket_id = NEW.ticket_id;
    RETURN NEW;
END $$;

-- Only clocks started on a ticket that may already be assigned (a new ticket's clocks wait for ticket.assigned).
CREATE TRIGGER clock_agent_from_assignee BEFORE INSERT ON clock
    FOR EACH ROW WHEN (NEW.agent_id IS NULL AND NEW.kind = 'next_response') EXECUTE FUNCTION clock_agent_from_assignee();

-- Compliance over a period reads the promises concluded in it.
CREATE INDEX clock_stopped_at ON clock (stopped_at) WHERE stopped_at IS NOT NULL;
CREATE INDEX clock_breached_at ON clock (breached_at) WHERE breached_at IS NOT NULL;
