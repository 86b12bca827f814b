-- N1's backlog forecast reads each team's waiting count from team_waiting (V16), so nothing reads the tickets still
-- waiting for a first answer by team any more; the partial index V4 kept for that count only cost a write per
-- acknowledged ticket.
DROP INDEX IF EXISTS ticket_contact_waiting_by_team;
