-- Agents as ticket-service announces them (support.agent.changed.v1): a notice to an agent (the callback owner's
-- reminder, R3; the assignee's warning, R4) goes to that agent's own e-mail address when known here.
CREATE TABLE agent_contact (
    agent_id   TEXT        PRIMARY KEY,
    name       TEXT,
    email      TEXT,
    active     BOOLEAN     NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);

-- The address a notice was mailed to (the agent's own); null: the alert went to its sink's URL.
ALTER TABLE ops_alert ADD COLUMN recipient TEXT;
