-- 头像: an agent's picture, its bytes kept with the attachment bytes under this id. A new picture
-- gets a new id (so its address may be cached for ever); the unique index finds the agent whose
-- picture an id is, which is what lets the picture be served to anyone.
ALTER TABLE agents ADD COLUMN avatar_id TEXT;
CREATE UNIQUE INDEX agents_avatar_id ON agents (avatar_id);
