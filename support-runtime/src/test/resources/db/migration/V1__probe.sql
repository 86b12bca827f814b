CREATE TABLE probe_effect (ce_id TEXT NOT NULL, body TEXT NOT NULL);
