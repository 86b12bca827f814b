-- N8: ops hear of a VIP ticket at risk (its clock's warning stage), not only of breaches; the segment comes
-- with the customer on ticket.created (R6).
ALTER TABLE ticket_contact ADD COLUMN segment TEXT;
