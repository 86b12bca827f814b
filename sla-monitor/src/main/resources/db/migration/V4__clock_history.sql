-- sla-monitor: the history of every clock for ops (start, each pause with its reason, resume, each stage,
-- stop with its reason, recalculation), written by triggers so that no change of a clock can skip it.

ALTER TABLE clock ADD COLUMN pause_reason TEXT;

CREATE TABLE clock_history (
    id       BIGSERIAL   PRIMARY KEY,
    clock_id UUID        NOT NULL REFERENCES clock (id),
    at       TIMESTAMPTZ NOT NULL,
    event    TEXT        NOT NULL,
    detail   TEXT
);
CREATE INDEX clock_history_clock ON clock_history (clock_id, id);

CREATE FUNCTION clock_history_of_clock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO clock_history (clock_id, at, event, detail)
        VALUES (NEW.id, NEW.started_at, 'started', 'policy ' || NEW.policy || ', deadline ' || NEW.deadline);
    ELSIF NEW.state = 'paused' AND OLD.state = 'running' THEN
        INSERT INTO clock_history (clock_id, at, event, detail) VALUES (NEW.id, NEW.paused_at, 'paused', NEW.pause_reason);
    ELSIF NEW.state = 'running' AND OLD.state = 'paused' THEN
        INSERT INTO clock_history (clock_id, at, event, detail)
        VALUES (NEW.id, NEW.running_since, 'resumed', 'deadline ' || NEW.deadline);
    ELSIF NEW.state = 'stopped' AND OLD.state <> 'stopped' THEN
        INSERT INTO clock_history (clock_id, at, event, detail) VALUES (NEW.id, NEW.stopped_at, 'stopped', NEW.stop_reason);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER clock_history_of_clock AFTER INSERT OR UPDATE OF state ON clock
    FOR EACH ROW EXECUTE FUNCTION clock_history_of_clock();

CREATE FUNCTION clock_history_of_stage() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO clock_history (clock_id, at, event, detail)
    VALUES (NEW.clock_id, NEW.fired_at, CASE WHEN NEW.stage_percent = 100 THEN 'breached' ELSE 'warning' END,
            NEW.stage_percent || ' % of the budget, due ' || NEW.due_at);
    RETURN NULL;
END $$;

CREATE TRIGGER clock_history_of_stage AFTER INSERT ON clock_stage
    FOR EACH ROW EXECUTE FUNCTION clock_history_of_stage();

CREATE FUNCTION clock_history_of_recalculation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO clock_history (clock_id, at, event, detail)
    VALUES (NEW.clock_id, NEW.recalculated_at, 'recalculated', 'by ' || coalesce(NEW.actor, '?') || ': policy '
            || NEW.policy_before || ' → ' || NEW.policy_after || ', deadline ' || NEW.deadline_before || ' → '
            || NEW.deadline_after);
    RETURN NULL;
END $$;

CREATE TRIGGER clock_history_of_recalculation AFTER INSERT ON clock_recalculation
    FOR EACH ROW EXECUTE FUNCTION clock_history_of_recalculation();
