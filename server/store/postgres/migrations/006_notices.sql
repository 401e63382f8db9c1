-- SQLite's migration 013 (通知, notices): the notices and who each went to and has read.
CREATE TABLE notices (
  id TEXT PRIMARY KEY,
  sent_at BIGINT NOT NULL,
  sender_id TEXT NOT NULL,
  sender_name TEXT NOT NULL,
  group_id TEXT,
  group_name TEXT,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  -- Mirrors SQLite's rowid: the order of notices sent in the same millisecond.
  rowid BIGINT GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX notices_sent_at ON notices (sent_at);

CREATE TABLE notice_recipients (
  notice_id TEXT NOT NULL REFERENCES notices(id),
  agent_id TEXT NOT NULL,
  read_at BIGINT,
  PRIMARY KEY (notice_id, agent_id)
);
CREATE INDEX notice_recipients_agent ON notice_recipients (agent_id, notice_id);
