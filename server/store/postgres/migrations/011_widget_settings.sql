-- SQLite's migration 018 (访客端设置): the widget's settings as one JSON document in one row.
CREATE TABLE widget_settings (
  id BIGINT PRIMARY KEY CHECK (id = 1),
  value TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
