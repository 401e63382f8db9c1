-- 访客端设置 (shared/widget-settings.ts): the widget's appearance, 技能组 menu and 访客注册, as one
-- JSON document in one row. Not in `settings`: every row there becomes a field of the company
-- settings that staff read and the audit log compares; these are public and read by every widget.
CREATE TABLE widget_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  value TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
