-- C4: one row per provider message the gateway accepted. The primary key is the dedup key: a provider's
-- retry of the same message finds the row and is answered "duplicate" with the original event id.
CREATE TABLE webhook_receipt (
    channel             TEXT        NOT NULL,
    provider_message_id TEXT        NOT NULL,
    event_id            UUID        NOT NULL,
    conversation_key    TEXT        NOT NULL,
    received_at         TIMESTAMPTZ NOT NULL,
    accepted_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (channel, provider_message_id)
);

-- One row per outbound command (message.send), keyed by its idempotency key: a redelivered or repeated
-- command finds its row and sends nothing. The row commits together with the delivery outcome event.
CREATE TABLE delivery (
    idempotency_key     TEXT        PRIMARY KEY,
    kind                TEXT,
    ticket_id           TEXT,
    channel             TEXT        NOT NULL,
    recipient           TEXT,
    status              TEXT        NOT NULL,
    permanent           BOOLEAN     NOT NULL DEFAULT false,
    attempts            INTEGER     NOT NULL DEFAULT 0,
    provider_message_id TEXT,
    reason              TEXT,
    requested_at        TIMESTAMPTZ,
    completed_at        TIMESTAMPTZ
);
