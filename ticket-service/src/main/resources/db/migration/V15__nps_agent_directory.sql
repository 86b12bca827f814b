-- N5: the customer's NPS answer (0-10) after this ticket, shown on it (from notification-service's ticket.nps.recorded).
ALTER TABLE ticket
    ADD COLUMN nps_score smallint,
    ADD COLUMN nps_comment text,
    ADD COLUMN nps_recorded_at timestamptz;
