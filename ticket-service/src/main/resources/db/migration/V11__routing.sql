-- ticket-service: routing and auto-assignment (R6, R7). Agents say whether they take tickets and what they can
-- handle; a VIP customer may have a personal agent; unassigned tickets of a team wait in its queue.

ALTER TABLE agent ADD COLUMN available BOOLEAN NOT NULL DEFAULT false;

-- Skills: kind 'channel' (email, chat, ...) or 'language' (en, hy, ...). None of a kind means any.
CREATE TABLE agent_skill (
    agent_id  UUID NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
    kind      TEXT NOT NULL,
    value     TEXT NOT NULL,
    PRIMARY KEY (agent_id, kind, value)
);

ALTER TABLE customer ADD COLUMN personal_agent_id UUID REFERENCES agent (id) ON DELETE SET NULL;

-- The queue: live unassigned tickets, most urgent first.
CREATE INDEX ticket_waiting ON ticket (number) WHERE assignee_id IS NULL AND status NOT IN ('solved', 'closed');
