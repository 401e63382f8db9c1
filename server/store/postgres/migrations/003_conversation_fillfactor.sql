-- Every message updates its conversation's row (last_message_seq, last_message_at …), none of
-- them indexed columns. With free room left on each page PostgreSQL updates the row in place
-- (a HOT update) instead of writing a new entry into each of the table's five indexes; with full
-- pages (the default fillfactor 100) it cannot. Applies to pages written from now on.
ALTER TABLE conversations SET (fillfactor = 70);
