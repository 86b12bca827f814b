-- ticket-service: customers with their identities (C2), tickets, and each ticket's transcript (C7).

CREATE TABLE customer (
    id          UUID        PRIMARY KEY,
    name        TEXT,
    locale      TEXT,
    time_zone   TEXT,
    segment     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

-- One person, one customer (C2): an identity (e-mail lower-cased, phone in E.164, ...) belongs to one customer.
CREATE TABLE customer_identity (
    id            UUID        PRIMARY KEY,
    customer_id   UUID        NOT NULL REFERENCES customer (id),
    kind          TEXT        NOT NULL,
    value         TEXT        NOT NULL,
    network       TEXT,
    display_name  TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT customer_identity_kind_value UNIQUE (kind, value)
);

CREATE INDEX customer_identity_customer ON customer_identity (customer_id);

-- Human ticket numbers, shown to customers and agents.
CREATE SEQUENCE ticket_number_seq;

CREATE TABLE ticket (
    id                  UUID        PRIMARY KEY,
    number              BIGINT      NOT NULL UNIQUE,
    subject             TEXT        NOT NULL,
    status              TEXT        NOT NULL,
    priority            TEXT        NOT NULL,
    channel             TEXT        NOT NULL,
    customer_id         UUID        NOT NULL REFERENCES customer (id),
    -- A reply to a ticket solved longer ago than the reopen window opens a follow-up linked here (C3).
    follow_up_of        UUID        REFERENCES ticket (id),
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    first_responded_at  TIMESTAMPTZ,
    solved_at           TIMESTAMPTZ,
    closed_at           TIMESTAMPTZ
);

CREATE INDEX ticket_status_number ON ticket (status, number DESC);
CREATE INDEX ticket_customer ON ticket (customer_id);

-- The transcript: customer messages in, agent replies out, in the order they were stored.
CREATE TABLE ticket_message (
    id                   UUID        PRIMARY KEY,
    seq                  BIGSERIAL   NOT NULL UNIQUE,
    ticket_id            UUID        NOT NULL REFERENCES ticket (id),
    direction            TEXT        NOT NULL,
    author_type          TEXT        NOT NULL,
    author_id            TEXT,
    author_name          TEXT,
    channel              TEXT        NOT NULL,
    provider_message_id  TEXT,
    -- E-mail Message-ID without angle brackets (ours for agent replies), the handle replies thread on (C3).
    message_id           TEXT,
    in_reply_to          TEXT,
    -- The References chain, space-separated as in the e-mail header.
    reference_ids        TEXT,
    conversation_id      TEXT,
    text                 TEXT,
    html                 TEXT,
    received_at          TIMESTAMPTZ,
    created_at           TIMESTAMPTZ NOT NULL
);

CREATE INDEX ticket_message_ticket ON ticket_message (ticket_id, seq);
CREATE INDEX ticket_message_message_id ON ticket_message (message_id);
CREATE INDEX ticket_message_conversation ON ticket_message (channel, conversation_id) WHERE conversation_id IS NOT NULL;
-- A provider retry never stores a message twice (C4).
CREATE UNIQUE INDEX ticket_message_provider_id ON ticket_message (channel, provider_message_id)
    WHERE direction = 'inbound' AND provider_message_id IS NOT NULL;
