-- Notices to agents: the callback owner's reminder before the callback is due (R3) is a scheduled row like
-- the customer messages (callback_id names the callback, so a completed or moved callback cancels it); the
-- notice itself is an ops_alert row for the agent sink, naming the agent.
ALTER TABLE scheduled_notification
    ADD COLUMN agent_id    TEXT,
    ADD COLUMN callback_id TEXT;

CREATE INDEX scheduled_notification_by_callback ON scheduled_notification (callback_id) WHERE callback_id IS NOT NULL;

ALTER TABLE ops_alert ADD COLUMN agent_id TEXT;
