-- sla-monitor: one row per promise being kept (R1, R4, R5, R6). Durations are milliseconds.

CREATE TABLE clock (
    id                UUID        PRIMARY KEY,
    ticket_id         TEXT        NOT NULL,
    kind              TEXT        NOT NULL,
    policy            TEXT        NOT NULL,
    channel           TEXT,
    priority          TEXT,
    state             TEXT        NOT NULL CHECK (state IN ('running', 'paused', 'stopped')),
    budget_ms         BIGINT      NOT NULL,
    stages            TEXT        NOT NULL,
    started_at        TIMESTAMPTZ NOT NULL,
    running_since     TIMESTAMPTZ NOT NULL,
    elapsed_before_ms BIGINT      NOT NULL DEFAULT 0,
    deadline          TIMESTAMPTZ NOT NULL,
    paused_at         TIMESTAMPTZ,
    paused_total_ms   BIGINT      NOT NULL DEFAULT 0,
    next_stage        INT,
    next_fire_at      TIMESTAMPTZ,
    breached_at       TIMESTAMPTZ,
    stopped_at        TIMESTAMPTZ,
    stop_reason       TEXT,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The firing loop's only way in: the earliest due stage of a running clock. Stopped, paused and fully
-- fired clocks are not in it, so the loop never scans the table.
CREATE INDEX clock_due ON clock (next_fire_at) WHERE state = 'running' AND next_fire_at IS NOT NULL;

-- One first-response promise per ticket: a second ticket.created for the same ticket starts nothing.
CREATE UNIQUE INDEX clock_first_response ON clock (ticket_id) WHERE kind = 'first_response';
CREATE INDEX clock_ticket ON clock (ticket_id);
-- The running-clocks gauge counts only the live part of the table.
CREATE INDEX clock_live ON clock (kind, state) WHERE state <> 'stopped';

-- Every stage fired, in firing order (id), once: the unique key makes a second firing of a stage impossible.
CREATE TABLE clock_stage (
    id            BIGSERIAL   PRIMARY KEY,
    clock_id      UUID        NOT NULL REFERENCES clock (id),
    stage_percent INT         NOT NULL,
    due_at        TIMESTAMPTZ NOT NULL,
    fired_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (clock_id, stage_percent)
);

-- Wake the firing loops (of every instance) when a clock is armed or re-armed; NOTIFY is delivered on commit.
CREATE FUNCTION clock_armed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('clock_armed', '');
    RETURN NULL;
END $$;

CREATE TRIGGER clock_armed AFTER INSERT OR UPDATE OF next_fire_at ON clock
    FOR EACH ROW WHEN (NEW.state = 'running' AND NEW.next_fire_at IS NOT NULL) EXECUTE FUNCTION clock_armed();
