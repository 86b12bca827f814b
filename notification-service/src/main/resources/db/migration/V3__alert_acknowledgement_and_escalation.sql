-- N8: where an alert goes (the ops sink, or the manager sink for an escalation), when an unacknowledged
-- breach escalates, and who acknowledged it.
ALTER TABLE ops_alert
    ADD COLUMN sink            TEXT NOT NULL DEFAULT 'ops',
    ADD COLUMN escalate_at     TIMESTAMPTZ,
    ADD COLUMN acknowledged_at TIMESTAMPTZ,
    ADD COLUMN acknowledged_by TEXT;

CREATE INDEX ops_alert_escalation_due ON ops_alert (escalate_at)
    WHERE escalate_at IS NOT NULL AND acknowledged_at IS NULL;
