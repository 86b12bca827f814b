-- ticket-service: callbacks instead of holding (R3), and the live contacts they come from.

-- What support.contact.v1 told us of a live call or chat: who is on the line, so a missed pickup can be called back.
CREATE TABLE contact (
    contact_id      TEXT        PRIMARY KEY,
    channel         TEXT,
    identity_kind   TEXT,
    identity_value  TEXT,
    network         TEXT,
    display_name    TEXT,
    queue           TEXT,
    offered_at      TIMESTAMPTZ
);

-- A callback: one responsible agent and a due time (R3). One per source event; one open per contact.
CREATE TABLE callback (
    id            UUID        PRIMARY KEY,
    ticket_id     UUID        NOT NULL REFERENCES ticket (id),
    contact_id    TEXT,
    source        TEXT        NOT NULL,   -- pickup_missed or requested
    source_event  TEXT        NOT NULL UNIQUE,
    owner_id      UUID        REFERENCES agent (id) ON DELETE SET NULL,
    -- Whom to call: the identity the contact or request came from.
    identity_kind   TEXT,
    identity_value  TEXT,
    identity_name   TEXT,
    status        TEXT        NOT NULL,   -- scheduled or completed
    due_at        TIMESTAMPTZ NOT NULL,
    outcome       TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    completed_at  TIMESTAMPTZ
);

CREATE UNIQUE INDEX callback_open_contact ON callback (contact_id) WHERE status = 'scheduled' AND contact_id IS NOT NULL;
CREATE INDEX callback_ticket ON callback (ticket_id, created_at);
CREATE INDEX callback_owner ON callback (owner_id, due_at) WHERE status = 'scheduled';
