-- SQLite's migration 015: the account must change its password at the next login (0/1, as SQLite stores booleans).
ALTER TABLE agents ADD COLUMN must_change_password BIGINT NOT NULL DEFAULT 0;
