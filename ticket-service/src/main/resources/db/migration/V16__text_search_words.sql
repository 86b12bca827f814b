-- ticket-service: the views' text search by words (issue 5), as support consoles search, instead of substrings.
--
-- A word index (PostgreSQL full-text search, the 'simple' configuration: lower case, no stemming, no stop words, so
-- every word of any language is kept as written) over subjects and messages. Hyphens are read as spaces first: the
-- parser reads "ORD-0000123" as the word "ord" and the signed number "-0000123", so without it the number part alone
-- would not be found. The views' queries use the very same expressions (service/ViewQuery).
--
-- The trigram indexes of V14 read long posting lists for an order number (its trigrams "000", "-00" are in nearly
-- every row) and are no longer used: dropped, which also spares every new ticket and message their upkeep.

CREATE INDEX ticket_subject_words ON ticket USING gin (to_tsvector('simple', replace(subject, '-', ' ')));

-- A message's words are kept with it: a common word is searched by reading the view in order and checking each
-- ticket's messages, which then costs no parsing of (possibly long) e-mails. Adding the column rewrites the table.
ALTER TABLE ticket_message
    ADD COLUMN words tsvector GENERATED ALWAYS AS (to_tsvector('simple', replace(coalesce(text, ''), '-', ' '))) STORED;
CREATE INDEX ticket_message_words ON ticket_message USING gin (words);

DROP INDEX ticket_subject_trgm;
DROP INDEX ticket_message_text_trgm;
