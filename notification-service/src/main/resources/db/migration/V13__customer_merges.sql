-- C2 in this service: customers that ticket-service merged (customer.merged) are one person here too, until the merge
-- is undone (customer.unmerged). Nothing is copied or rewritten: consent, the NPS interval and the contact points are
-- read over the customer's group (every customer joined to it by merges not undone), so an un-merge restores exactly.
CREATE TABLE customer_merge (
    merge_id   TEXT        PRIMARY KEY,
    source_id  TEXT        NOT NULL,
    target_id  TEXT        NOT NULL,
    merged_at  TIMESTAMPTZ,
    undone_at  TIMESTAMPTZ
);

CREATE INDEX customer_merge_live_source ON customer_merge (source_id) WHERE undone_at IS NULL;
CREATE INDEX customer_merge_live_target ON customer_merge (target_id) WHERE undone_at IS NULL;
CREATE INDEX ticket_contact_by_customer ON ticket_contact (customer_id);
