-- sla-monitor: pickup (R2), callback (R3), next_response and resolution clocks.

-- What the clock is about besides its ticket: the contact of a pickup clock, the callback of a callback clock.
ALTER TABLE clock ADD COLUMN subject_id TEXT;
CREATE UNIQUE INDEX clock_subject ON clock (kind, subject_id) WHERE subject_id IS NOT NULL;

-- A contact's answer or abandonment that arrived before its offer was processed (events are resolved by
-- their own time, not by arrival): the offer finds it here and settles the new clock at once.
CREATE TABLE contact_outcome (
    contact_id TEXT        PRIMARY KEY,
    outcome    TEXT        NOT NULL CHECK (outcome IN ('answered', 'abandoned')),
    at         TIMESTAMPTZ NOT NULL,
    agent_id   TEXT
);

-- Pickup speed and abandonment (M1) read stopped pickup clocks by time.
CREATE INDEX clock_kind_started ON clock (kind, started_at);
