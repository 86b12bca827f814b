-- ticket-service: agents and teams, and what agents do on a ticket (assign, tags, escalate, merge, C5 canned responses).

CREATE TABLE team (
    id          UUID        PRIMARY KEY,
    name        TEXT        NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL
);

-- An agent logs in with username and password (bcrypt); role is agent, supervisor or admin.
CREATE TABLE agent (
    id             UUID        PRIMARY KEY,
    username       TEXT        NOT NULL UNIQUE,
    name           TEXT        NOT NULL,
    email          TEXT,
    password_hash  TEXT        NOT NULL,
    role           TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);

CREATE TABLE agent_team (
    agent_id  UUID NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
    team_id   UUID NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    PRIMARY KEY (agent_id, team_id)
);

CREATE INDEX agent_team_team ON agent_team (team_id);

ALTER TABLE ticket ADD COLUMN team_id      UUID REFERENCES team (id) ON DELETE SET NULL;
ALTER TABLE ticket ADD COLUMN assignee_id  UUID REFERENCES agent (id) ON DELETE SET NULL;
ALTER TABLE ticket ADD COLUMN escalated_to UUID REFERENCES agent (id) ON DELETE SET NULL;
ALTER TABLE ticket ADD COLUMN escalated_at TIMESTAMPTZ;
-- A merged ticket is closed and points at the ticket that holds its transcript now.
ALTER TABLE ticket ADD COLUMN merged_into  UUID REFERENCES ticket (id);

CREATE TABLE ticket_tag (
    ticket_id  UUID NOT NULL REFERENCES ticket (id),
    tag        TEXT NOT NULL,
    PRIMARY KEY (ticket_id, tag)
);

CREATE INDEX ticket_tag_tag ON ticket_tag (tag, ticket_id);

-- C5: scripts for common situations, with placeholders filled when used in a reply.
CREATE TABLE canned_response (
    id          UUID        PRIMARY KEY,
    title       TEXT        NOT NULL,
    body        TEXT        NOT NULL,
    team_id     UUID        REFERENCES team (id) ON DELETE SET NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
