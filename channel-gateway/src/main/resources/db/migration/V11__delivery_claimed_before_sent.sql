-- No database connection held while a provider answers: a delivery is first claimed (the primary key
-- still decides who sends), committed, sent, and its outcome recorded in a second transaction. The
-- command is kept with the claim, so a claim whose instance died mid-send is resumed by another one.
ALTER TABLE delivery ADD COLUMN command JSONB;
ALTER TABLE delivery ADD COLUMN claimed_at TIMESTAMPTZ;
CREATE INDEX delivery_in_flight ON delivery (claimed_at) WHERE status = 'sending';
