-- ticket-service: what the agent console knows of each ticket's SLA clocks, from support.sla.v1.

-- One row per clock kind of a ticket (first_response, pickup, callback, resolution, ...), as last reported.
CREATE TABLE ticket_clock (
    id              TEXT        PRIMARY KEY,  -- ticket id + ':' + kind
    ticket_id       UUID        NOT NULL,
    kind            TEXT        NOT NULL,
    clock_id        TEXT,
    policy          TEXT,
    state           TEXT        NOT NULL,     -- running, paused, met, breached
    deadline        TIMESTAMPTZ,
    warned_percent  INT         NOT NULL DEFAULT 0,
    updated_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX ticket_clock_ticket ON ticket_clock (ticket_id);

-- The ticket's standing, kept in step with its clocks: the views filter and sort on these.
ALTER TABLE ticket ADD COLUMN sla_deadline TIMESTAMPTZ;
ALTER TABLE ticket ADD COLUMN sla_at_risk  BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE ticket ADD COLUMN sla_breached BOOLEAN NOT NULL DEFAULT false;
