-- SQLite's migration 014: 组长 (group leader) joins the roles.
ALTER TABLE agents DROP CONSTRAINT agents_role_check;
ALTER TABLE agents ADD CONSTRAINT agents_role_check CHECK (role IN ('admin', 'leader', 'agent'));
