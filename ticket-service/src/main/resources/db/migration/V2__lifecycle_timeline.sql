-- ticket-service: the ticket's timeline (C7) and the lifecycle's auto-close.

-- Everything that happened on a ticket besides its messages (those are ticket_message): notes, status
-- changes, assignments, priority and tag changes, escalations, merges, SLA events received.
CREATE TABLE ticket_activity (
    id          UUID        PRIMARY KEY,
    seq         BIGSERIAL   NOT NULL UNIQUE,
    ticket_id   UUID        NOT NULL,
    kind        TEXT        NOT NULL,
    actor_id    TEXT,
    actor_name  TEXT,
    text        TEXT,
    -- A JSON object with what the kind needs (from, to, clock, deadline, ...).
    details     TEXT,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX ticket_activity_ticket ON ticket_activity (ticket_id, seq);

-- The auto-close job claims solved tickets in the order they were solved.
CREATE INDEX ticket_solved ON ticket (solved_at) WHERE status = 'solved';
