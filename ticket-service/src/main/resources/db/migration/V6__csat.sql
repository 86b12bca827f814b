-- N5: the customer's satisfaction answer, shown on the ticket (from notification-service's ticket.csat.recorded).
ALTER TABLE ticket
    ADD COLUMN csat_score smallint,
    ADD COLUMN csat_comment text,
    ADD COLUMN csat_recorded_at timestamptz;
