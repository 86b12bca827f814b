-- Delivery results (support.delivery.v1): every contact point of the customer (so a permanent failure on one
-- channel can fall back to the next), and per customer message what became of its delivery.
ALTER TABLE ticket_contact ADD COLUMN contact_points TEXT;

-- delivery_state: failed (permanent) on this row's channel; delivery_reason: the gateway's reason and what
-- followed (the fallback's channel, or why there was none); fallback_of: the message this one replaces.
ALTER TABLE notification
    ADD COLUMN delivery_state  TEXT,
    ADD COLUMN delivery_reason TEXT,
    ADD COLUMN fallback_of     TEXT;
