-- N1 forecast: each team's tickets waiting for a first answer, kept as a count per team instead of counted again
-- for every acknowledgement. With 54,000 waiting tickets the count read them all (70 ms, a sequential scan) for
-- each acknowledgement, so acknowledging got slower as the backlog grew. A trigger keeps the count from each row's
-- change, so every path that moves a ticket in or out of the backlog (a first reply, solved, closed, reopened, a
-- team change, a merge) keeps it exact and in the same transaction. The team '' stands for no team.
CREATE TABLE team_waiting (
    team    TEXT PRIMARY KEY,
    waiting BIGINT NOT NULL
);

INSERT INTO team_waiting (team, waiting)
SELECT COALESCE(team, ''), count(*) FROM ticket_contact
WHERE first_replied_at IS NULL AND status NOT IN ('solved', 'closed')
GROUP BY COALESCE(team, '');

CREATE FUNCTION team_waiting_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    was BOOLEAN := FALSE;
    is_now BOOLEAN := FALSE;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        was := COALESCE(OLD.first_replied_at IS NULL AND OLD.status NOT IN ('solved', 'closed'), FALSE);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        is_now := COALESCE(NEW.first_replied_at IS NULL AND NEW.status NOT IN ('solved', 'closed'), FALSE);
    END IF;
    IF TG_OP = 'UPDATE' AND was = is_now AND OLD.team IS NOT DISTINCT FROM NEW.team THEN
        RETURN NULL; -- most updates (a name, a time stamp) leave the backlog as it was
    END IF;
    IF was THEN
        UPDATE team_waiting SET waiting = waiting - 1 WHERE team = COALESCE(OLD.team, '');
    END IF;
    IF is_now THEN
        INSERT INTO team_waiting (team, waiting) VALUES (COALESCE(NEW.team, ''), 1)
        ON CONFLICT (team) DO UPDATE SET waiting = team_waiting.waiting + 1;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER ticket_contact_team_waiting AFTER INSERT OR UPDATE OR DELETE ON ticket_contact
    FOR EACH ROW EXECUTE FUNCTION team_waiting_count();
