-- ticket-service: one customer, one history (C2). Two customers found to be one person are merged: the tickets and
-- identities move to the customer kept; every merge is recorded with exactly what it moved, so it can be undone.

ALTER TABLE customer ADD COLUMN merged_into UUID REFERENCES customer (id);

CREATE TABLE customer_merge (
    id         UUID        PRIMARY KEY,
    source_id  UUID        NOT NULL REFERENCES customer (id),
    target_id  UUID        NOT NULL REFERENCES customer (id),
    merged_by  UUID,
    merged_at  TIMESTAMPTZ NOT NULL,
    undone_by  UUID,
    undone_at  TIMESTAMPTZ
);

CREATE INDEX customer_merge_source ON customer_merge (source_id);
CREATE INDEX customer_merge_target ON customer_merge (target_id);

-- What a merge moved: kind 'ticket' or 'identity', and its id.
CREATE TABLE customer_merge_item (
    merge_id  UUID NOT NULL REFERENCES customer_merge (id),
    kind      TEXT NOT NULL,
    item_id   UUID NOT NULL,
    PRIMARY KEY (merge_id, kind, item_id)
);
