-- C4 without holding a database connection while Kafka acknowledges: a receipt is first claimed (the
-- primary key still decides who publishes), then marked accepted once the broker acknowledged. A claim
-- whose publisher vanished is taken over after a while and published again under the same event id.
ALTER TABLE webhook_receipt ADD COLUMN claimed_at TIMESTAMPTZ;
UPDATE webhook_receipt SET claimed_at = accepted_at;
ALTER TABLE webhook_receipt ALTER COLUMN claimed_at SET NOT NULL;
ALTER TABLE webhook_receipt ALTER COLUMN accepted_at DROP NOT NULL;
