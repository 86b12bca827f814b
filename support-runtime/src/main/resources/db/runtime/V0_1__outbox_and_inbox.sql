-- Shared by every service (support-runtime). Versions 0.x belong to the runtime, 1 and up to the service.

-- Transactional outbox: a state change and the event announcing it commit together; a relay publishes
-- the rows to Kafka in id order and deletes them once the broker acknowledged.
CREATE TABLE outbox (
    id          BIGSERIAL PRIMARY KEY,
    topic       TEXT        NOT NULL,
    record_key  TEXT        NOT NULL,
    ce_id       UUID        NOT NULL UNIQUE,
    ce_type     TEXT        NOT NULL,
    ce_subject  TEXT,
    ce_time     TIMESTAMPTZ NOT NULL,
    payload     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Wake the relay the moment a transaction with outbox rows commits (NOTIFY is delivered on commit).
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox', '');
    RETURN NULL;
END $$;

CREATE TRIGGER outbox_inserted AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();

-- Idempotent consumers: the ce_id of every handled event, written in the same transaction as its effect,
-- so a redelivered record changes nothing.
CREATE TABLE inbox (
    consumer     TEXT        NOT NULL,
    ce_id        TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, ce_id)
);
