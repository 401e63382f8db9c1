-- 顾客信息 / 轨迹 / 名片分类 (issue 5): the pages a visitor viewed and the visitor's profile.

-- One row per page of the company's site the widget reported. Times are the server's clock at
-- receipt (a visitor's clock cannot be trusted); left_at is set when the page was hidden or left.
CREATE TABLE page_views (
  id TEXT PRIMARY KEY,
  visitor_id TEXT NOT NULL REFERENCES visitors(id) ON DELETE CASCADE,
  url TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  referrer TEXT NOT NULL DEFAULT '',
  entered_at INTEGER NOT NULL,
  left_at INTEGER
);
CREATE INDEX page_views_visitor_entered ON page_views(visitor_id, entered_at);

-- What we learned about a visitor and what agents noted. Traffic source fields come from the
-- first page view and are never overwritten; browser/OS/region follow the latest page view.
CREATE TABLE visitor_profiles (
  visitor_id TEXT PRIMARY KEY REFERENCES visitors(id) ON DELETE CASCADE,
  user_agent TEXT NOT NULL DEFAULT '',
  browser TEXT NOT NULL DEFAULT '',
  os TEXT NOT NULL DEFAULT '',
  region TEXT NOT NULL DEFAULT '',
  first_referrer TEXT NOT NULL DEFAULT '',
  landing_page TEXT NOT NULL DEFAULT '',
  search_engine TEXT NOT NULL DEFAULT '',
  search_keyword TEXT NOT NULL DEFAULT '',
  -- JSON object {source, medium, name, term, content}.
  campaign TEXT NOT NULL DEFAULT '{}',
  -- JSON array of tag strings (名片分类).
  tags TEXT NOT NULL DEFAULT '[]',
  phone TEXT NOT NULL DEFAULT '',
  -- The phone without spaces, dashes or +86, as numbers.ts makes it: the screen pop finds chats by it.
  phone_key TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  -- The phone customer (002_phone.sql) with this number, found or created when an agent sets it.
  customer_id TEXT REFERENCES customers(id),
  updated_at INTEGER NOT NULL
);
CREATE INDEX visitor_profiles_phone_key ON visitor_profiles(phone_key) WHERE phone_key <> '';
