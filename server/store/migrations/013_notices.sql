-- 通知 (notices, issue 13): an admin's plain-text notice to everyone or to one skill group. The
-- sender's and the group's names are copied so a notice still reads as it was sent after a rename.
CREATE TABLE notices (
  id TEXT PRIMARY KEY,
  sent_at INTEGER NOT NULL,
  sender_id TEXT NOT NULL,
  sender_name TEXT NOT NULL,
  group_id TEXT,
  group_name TEXT,
  title TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX notices_sent_at ON notices (sent_at);

-- Who a notice went to (fixed when it is sent) and when each read it (null: not yet). No foreign
-- key to agents: the receipts outlive a deleted account and still say it had the notice.
CREATE TABLE notice_recipients (
  notice_id TEXT NOT NULL REFERENCES notices(id),
  agent_id TEXT NOT NULL,
  read_at INTEGER,
  PRIMARY KEY (notice_id, agent_id)
);
-- A recipient's own list (通知, newest first).
CREATE INDEX notice_recipients_agent ON notice_recipients (agent_id, notice_id);
