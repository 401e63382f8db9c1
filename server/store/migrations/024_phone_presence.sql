-- 实时监控 (issue 14): calls in progress, and 离线 facts after a crash.
--
-- server_nodes: each running server process (node) and its last heartbeat, beaten every few
-- seconds. A node whose beat stopped died without saying goodbye (kill -9, power cut); whoever
-- finds it — a node starting up, or a node that sees the dead one's cluster presence run out —
-- deletes its row and, in the same transaction, writes 离线 at its last beat for the agents who
-- were connected only through it. Deleting the row is the claim: it happens once.
CREATE TABLE server_nodes (
  node_id TEXT PRIMARY KEY,
  started_at INTEGER NOT NULL,
  beat_at INTEGER NOT NULL
);

-- agent_presence: which node each connected agent's workstation is connected through (a row per
-- agent and node, written when the agent's first socket there is ready, deleted when the last one
-- is gone) and the phone status that workstation last reported (话务状态; null: not reported yet).
-- The phone status lives here, with the connection, so it goes when the connection does.
CREATE TABLE agent_presence (
  agent_id TEXT NOT NULL,
  node_id TEXT NOT NULL,
  since INTEGER NOT NULL,
  phone_status TEXT CHECK (phone_status IN ('unregistered', 'idle', 'busy', 'dnd', 'ringing', 'talking', 'wrap-up')),
  phone_since INTEGER,
  PRIMARY KEY (agent_id, node_id)
);
CREATE INDEX agent_presence_node ON agent_presence (node_id);

-- phone_activity: the agent's phone status from then on, one row per change (the timeline's
-- calls as they happen: 振铃, 通话中, 话后处理…). reason: workstation (reported), disconnected
-- (the connection went, the status with it), node-lost (the server died; written at its last beat).
-- No foreign key to agents: the log outlives a deleted account.
CREATE TABLE phone_activity (
  id TEXT PRIMARY KEY,
  agent_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('unregistered', 'idle', 'busy', 'dnd', 'ringing', 'talking', 'wrap-up')),
  reason TEXT NOT NULL
);
CREATE INDEX phone_activity_agent ON phone_activity (agent_id, at);
