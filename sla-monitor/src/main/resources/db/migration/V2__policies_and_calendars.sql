-- sla-monitor: SLA policies and business-hours calendars (R1, R4, R6), seeded from configuration and
-- managed through the REST API. Lists are comma-separated text; an empty list matches anything.

CREATE TABLE sla_calendar (
    name       TEXT        PRIMARY KEY,
    zone       TEXT        NOT NULL,
    hours      TEXT        NOT NULL,           -- WeeklyHours text: 'MON-FRI 09:00-12:00 13:00-17:00; SAT 10:00-14:00'
    holidays   TEXT        NOT NULL DEFAULT '', -- ISO dates, comma-separated
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE sla_policy (
    name             TEXT        PRIMARY KEY,
    rank             INT         NOT NULL,      -- lowest rank wins among the policies that match
    channels         TEXT        NOT NULL DEFAULT '',
    priorities       TEXT        NOT NULL DEFAULT '',
    segments         TEXT        NOT NULL DEFAULT '',
    teams            TEXT        NOT NULL DEFAULT '',
    calendar         TEXT        NOT NULL DEFAULT 'calendar', -- 'calendar' (every second counts) or an sla_calendar name
    targets          TEXT        NOT NULL,      -- kind=ISO duration, comma-separated: 'first_response=PT10H,resolution=P3D'
    warning_percents TEXT        NOT NULL DEFAULT '50,80',
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- What a clock was started with, so a later policy or calendar change applies to new clocks only: the
-- ticket facts the policy matched on, and the calendar as it was (CalendarDefinition spec text).
ALTER TABLE clock ADD COLUMN segment TEXT;
ALTER TABLE clock ADD COLUMN team TEXT;
ALTER TABLE clock ADD COLUMN calendar TEXT NOT NULL DEFAULT 'calendar';

-- Running clocks recalculated under the current policies by an admin: before and after, for the record.
CREATE TABLE clock_recalculation (
    id              BIGSERIAL   PRIMARY KEY,
    clock_id        UUID        NOT NULL REFERENCES clock (id),
    recalculated_at TIMESTAMPTZ NOT NULL,
    actor           TEXT,
    policy_before   TEXT        NOT NULL,
    policy_after    TEXT        NOT NULL,
    budget_before_ms BIGINT     NOT NULL,
    budget_after_ms BIGINT      NOT NULL,
    deadline_before TIMESTAMPTZ NOT NULL,
    deadline_after  TIMESTAMPTZ NOT NULL
);
CREATE INDEX clock_recalculation_clock ON clock_recalculation (clock_id);
