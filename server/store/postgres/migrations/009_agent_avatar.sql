-- SQLite's migration 016: 头像, an agent's picture (its bytes in attachment_blobs under this id).
ALTER TABLE agents ADD COLUMN avatar_id TEXT;
CREATE UNIQUE INDEX agents_avatar_id ON agents (avatar_id);
