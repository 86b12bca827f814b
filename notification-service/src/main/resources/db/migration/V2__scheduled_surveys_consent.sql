-- Who signs a ticket's messages (N7), and whether the customer's time zone is known (quiet hours).
ALTER TABLE ticket_contact
    ADD COLUMN team            TEXT,
    ADD COLUMN agent_id        TEXT,
    ADD COLUMN agent_name      TEXT,
    ADD COLUMN time_zone_known BOOLEAN NOT NULL DEFAULT TRUE;

-- Every scheduled customer message (and the auto-solve timer) is a row with a due time and a dedup key:
-- a dispatcher claims due rows with FOR UPDATE SKIP LOCKED and sends each in the transaction that marks it,
-- so restarts lose nothing, several instances send nothing twice. States: pending, sent, cancelled
-- (the reason it no longer applies), suppressed (opted out, no contact point, NPS interval).
CREATE TABLE scheduled_notification (
    id          UUID        PRIMARY KEY,
    dedup_key   TEXT        NOT NULL UNIQUE,
    kind        TEXT        NOT NULL,
    ticket_id   TEXT        NOT NULL,
    due_at      TIMESTAMPTZ NOT NULL,
    not_after   TIMESTAMPTZ,
    new_eta     TIMESTAMPTZ,
    survey_id   UUID,
    state       TEXT        NOT NULL,
    reason      TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX scheduled_notification_due ON scheduled_notification (due_at) WHERE state = 'pending';
CREATE INDEX scheduled_notification_by_ticket ON scheduled_notification (ticket_id);

-- Surveys (N5): CSAT (1-5) after a solve, NPS (0-10) at most every 90 days per customer. The signed link
-- names the survey; an answer is stored once.
CREATE TABLE survey (
    id          UUID        PRIMARY KEY,
    kind        TEXT        NOT NULL,
    ticket_id   TEXT        NOT NULL,
    customer_id TEXT,
    channel     TEXT        NOT NULL,
    team        TEXT,
    agent_id    TEXT,
    agent_name  TEXT,
    locale      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    answered_at TIMESTAMPTZ,
    score       INT,
    comment     TEXT
);

CREATE INDEX survey_by_ticket ON survey (ticket_id);

-- The last NPS invitation per customer: claimed atomically, so two solves at once invite once.
CREATE TABLE nps_invitation (
    customer_id     TEXT        PRIMARY KEY,
    last_invited_at TIMESTAMPTZ NOT NULL
);

-- Consent (N6): the current state per customer and channel (no row: subscribed), and every change with
-- the link that made it (a link works once).
CREATE TABLE consent (
    customer_id TEXT        NOT NULL,
    channel     TEXT        NOT NULL,
    subscribed  BOOLEAN     NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (customer_id, channel)
);

CREATE TABLE consent_audit (
    id          BIGSERIAL   PRIMARY KEY,
    customer_id TEXT        NOT NULL,
    channel     TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    link_id     TEXT        UNIQUE,
    source      TEXT        NOT NULL,
    at          TIMESTAMPTZ NOT NULL
);

CREATE INDEX consent_audit_by_customer ON consent_audit (customer_id, at);
