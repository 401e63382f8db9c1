-- 字体设置 on agents' text messages (issue 5): the validated style object as JSON, NULL for none.
-- Stored only after MessageStyleSchema accepted it; read back through the same schema.

ALTER TABLE messages ADD COLUMN style TEXT;
