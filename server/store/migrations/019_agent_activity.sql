-- 实时监控 (issue 14): the agent activity log, one row per fact, written in the transaction of the
-- change it records. Kinds:
--   login / logout  a staff session began or ended (reason: the session's end reason);
--   status          the agent's effective status from then on (online, busy, away, or offline
--                   while not connected or disabled), with why (agent, not-responding = 未响应,
--                   connected, disconnected, logout, disabled…);
--   assigned        a conversation was given to the agent (its first one is the conversation's
--                   first assignment, which first-response times are measured from).
-- Durations per status are the gaps between consecutive status rows of an agent (reports, issue 15).
-- Calls are not copied here: the call log (calls) is joined into a timeline by agent and time.
-- No foreign key to agents: the log outlives a deleted account.
CREATE TABLE agent_activity (
  id TEXT PRIMARY KEY,
  agent_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('login', 'logout', 'status', 'assigned')),
  status TEXT CHECK (status IN ('online', 'busy', 'away', 'offline')),
  reason TEXT NOT NULL,
  session_id TEXT,
  conversation_id TEXT
);
CREATE INDEX agent_activity_agent ON agent_activity (agent_id, kind, at);
CREATE INDEX agent_activity_at ON agent_activity (at);
CREATE INDEX agent_activity_conversation ON agent_activity (conversation_id);

-- The wallboard's "today" figures read conversations by day: started, ended, evaluated.
CREATE INDEX conversations_created_at ON conversations (created_at);
CREATE INDEX conversations_ended_at ON conversations (ended_at);
CREATE INDEX conversations_evaluation_at ON conversations (evaluation_at);
