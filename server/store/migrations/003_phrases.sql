-- Canned phrases (常用语 / 常用链接) and auto-reply (自动应答), issue 5.

-- owner_id is NULL for public categories/phrases (admin-managed), else the owning agent.
CREATE TABLE phrase_categories (
  id TEXT PRIMARY KEY,
  scope TEXT NOT NULL CHECK (scope IN ('public', 'personal')),
  owner_id TEXT REFERENCES agents(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK ((scope = 'public') = (owner_id IS NULL))
);
CREATE INDEX phrase_categories_owner ON phrase_categories(owner_id);

CREATE TABLE phrases (
  id TEXT PRIMARY KEY,
  scope TEXT NOT NULL CHECK (scope IN ('public', 'personal')),
  owner_id TEXT REFERENCES agents(id) ON DELETE CASCADE,
  category_id TEXT REFERENCES phrase_categories(id) ON DELETE SET NULL,
  kind TEXT NOT NULL CHECK (kind IN ('text', 'link')),
  title TEXT NOT NULL,
  content TEXT NOT NULL,
  shortcut TEXT,
  hotkey TEXT,
  sort_order INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK ((scope = 'public') = (owner_id IS NULL))
);
CREATE INDEX phrases_owner ON phrases(owner_id);

-- Seeded public phrases, fixed ids so every install names them the same.
INSERT INTO phrase_categories (id, scope, owner_id, name, sort_order, updated_at) VALUES
  ('pc-greeting', 'public', NULL, '问候', 0, 0),
  ('pc-closing', 'public', NULL, '结束', 1, 0),
  ('pc-links', 'public', NULL, '常用链接', 2, 0);
INSERT INTO phrases (id, scope, owner_id, category_id, kind, title, content, shortcut, hotkey, sort_order, updated_at) VALUES
  ('ph-hello', 'public', NULL, 'pc-greeting', 'text', '您好', '您好，很高兴为您服务！', 'hi', 'Alt+1', 0, 0),
  ('ph-hello-name', 'public', NULL, 'pc-greeting', 'text', '称呼问候', '{访客昵称}您好，我是客服{客服昵称}，请问有什么可以帮您？', 'hn', NULL, 1, 0),
  ('ph-wait', 'public', NULL, 'pc-greeting', 'text', '请稍等', '请您稍等，我马上为您查询。', 'wait', NULL, 2, 0),
  ('ph-thanks', 'public', NULL, 'pc-closing', 'text', '感谢咨询', '感谢您的咨询，祝您生活愉快！', 'th', 'Alt+2', 0, 0),
  ('ph-more', 'public', NULL, 'pc-closing', 'text', '还有问题吗', '请问还有其他可以帮您的吗？', 'more', NULL, 1, 0),
  ('ph-help-link', 'public', NULL, 'pc-links', 'link', '帮助中心', 'https://example.com/help', 'help', NULL, 0, 0);

-- Auto-reply texts per agent (a row overrides the company default) and the company default,
-- off until an admin turns it on (texts prefilled), so existing conversations are not changed by an upgrade.
CREATE TABLE auto_replies (
  agent_id TEXT PRIMARY KEY REFERENCES agents(id) ON DELETE CASCADE,
  greeting_enabled INTEGER NOT NULL,
  greeting TEXT NOT NULL,
  busy_enabled INTEGER NOT NULL,
  busy_reply TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE company_auto_reply (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  greeting_enabled INTEGER NOT NULL,
  greeting TEXT NOT NULL,
  busy_enabled INTEGER NOT NULL,
  busy_reply TEXT NOT NULL,
  not_responding_seconds INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
INSERT INTO company_auto_reply VALUES (1, 0, '您好，我是{客服昵称}，很高兴为您服务！', 0, '客服暂时忙碌，请稍候，我们会尽快回复您。', 0, 0);

-- Which automatic messages went out, so each is sent once (greeting: per agent it was assigned to).
CREATE TABLE auto_replies_sent (
  conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('greeting', 'busy')),
  agent_id TEXT NOT NULL,
  sent_at INTEGER NOT NULL,
  PRIMARY KEY (conversation_id, kind, agent_id)
);
