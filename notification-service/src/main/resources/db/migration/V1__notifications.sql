-- notification-service's own tables. V0_x (outbox, inbox) belong to support-runtime.

-- Projection of support.tickets.v1: what this service needs to reach the customer of a ticket
-- (contact point, locale, time zone, the Message-ID to thread under). No other service's table is read.
CREATE TABLE ticket_contact (
    ticket_id          TEXT        PRIMARY KEY,
    ticket_number      BIGINT      NOT NULL,
    subject            TEXT,
    channel            TEXT        NOT NULL,
    status             TEXT        NOT NULL,
    customer_id        TEXT,
    customer_name      TEXT,
    locale             TEXT        NOT NULL,
    time_zone          TEXT        NOT NULL,
    email              TEXT,
    email_display_name TEXT,
    first_message_id   TEXT,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);

-- Promises from support.sla.v1 (one per ticket and clock kind). Kept because the clock and the ticket
-- arrive on different topics in either order: the acknowledgement (N1) goes out when both are here.
CREATE TABLE response_promise (
    id         UUID        PRIMARY KEY,
    ticket_id  TEXT        NOT NULL,
    clock_kind TEXT        NOT NULL,
    clock_id   TEXT,
    policy     TEXT,
    deadline   TIMESTAMPTZ NOT NULL,
    started_at TIMESTAMPTZ,
    UNIQUE (ticket_id, clock_kind)
);

-- Every customer message this service asked to send. dedup_key is the outbound idempotency key: the row
-- and its outbox record commit together, so a redelivery or a restart never sends twice.
CREATE TABLE notification (
    id         UUID        PRIMARY KEY,
    dedup_key  TEXT        NOT NULL UNIQUE,
    kind       TEXT        NOT NULL,
    ticket_id  TEXT        NOT NULL,
    channel    TEXT        NOT NULL,
    recipient  TEXT        NOT NULL,
    locale     TEXT        NOT NULL,
    subject    TEXT        NOT NULL,
    body       TEXT        NOT NULL,
    message_id TEXT,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX notification_by_ticket ON notification (ticket_id);

-- Ops alerts (N8): one per ticket, clock kind and stage; a worker delivers the pending ones with bounded
-- retries. States: pending, sent, failed, no_sink (no webhook configured: recorded and logged only).
CREATE TABLE ops_alert (
    id              BIGSERIAL   PRIMARY KEY,
    ticket_id       TEXT        NOT NULL,
    clock_kind      TEXT        NOT NULL,
    stage           TEXT        NOT NULL,
    clock_id        TEXT,
    policy          TEXT,
    deadline        TIMESTAMPTZ NOT NULL,
    fired_at        TIMESTAMPTZ NOT NULL,
    late_seconds    BIGINT      NOT NULL,
    ticket_number   BIGINT,
    subject         TEXT,
    state           TEXT        NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ,
    UNIQUE (ticket_id, clock_kind, stage)
);

CREATE INDEX ops_alert_due ON ops_alert (next_attempt_at) WHERE state = 'pending';
CREATE INDEX ops_alert_by_ticket ON ops_alert (ticket_id);
