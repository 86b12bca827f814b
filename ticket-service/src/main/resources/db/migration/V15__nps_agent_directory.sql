-- N5: the customer's NPS answer (0-10) after this ticket, shown on it (from notification-service's ticket.nps.recorded).
ALTER TABLE ticket
    ADD COLUMN nps_score smallint,
    ADD COLUMN nps_comment text,
    ADD COLUMN nps_recorded_at timestamptz;

-- Agents are announced (support.agent.changed.v1, keyed by agent id) whenever they are made, changed or deleted,
-- so notification-service can mail an agent's notices to their own address. The agents that exist already are
-- announced once here, through the outbox like every other event.
INSERT INTO outbox (topic, record_key, ce_id, ce_type, ce_subject, ce_time, payload)
SELECT 'support.tickets.v1', a.id::text, gen_random_uuid(), 'support.agent.changed.v1', a.id::text, now(),
       json_build_object('agentId', a.id::text, 'name', a.name, 'email', a.email, 'active', true,
                         'changedAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text
FROM agent a
ORDER BY a.created_at, a.id;
