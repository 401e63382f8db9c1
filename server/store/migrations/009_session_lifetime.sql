-- Session lifetime (issue 9). A session is one password login of a staff member. It holds the
-- current access token (idle and absolute expiry from last_seen_at / token_issued_at) and the
-- current refresh token; a refresh replaces both hashes, so the login (and its id, which realtime
-- sockets are bound to) survives renewals. An ended session stays with its reason for a while, so
-- a client that comes back with its token learns why it is logged out.
CREATE TABLE sessions_lifetime (
  id TEXT PRIMARY KEY,
  agent_id TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  token_issued_at INTEGER NOT NULL,
  -- Throttled: written at most once a minute per session, not on every request.
  last_seen_at INTEGER NOT NULL,
  refresh_hash TEXT UNIQUE,
  -- The password login: the refresh token works refreshTokenDays from here.
  created_at INTEGER NOT NULL,
  ended_at INTEGER,
  end_reason TEXT
);

-- Sessions from before: kept (their token still works until it is idle), without a refresh token.
INSERT INTO sessions_lifetime (id, agent_id, token_hash, token_issued_at, last_seen_at, refresh_hash, created_at)
  SELECT token_hash, agent_id, token_hash, created_at, created_at, NULL, created_at FROM sessions;
DROP TABLE sessions;
ALTER TABLE sessions_lifetime RENAME TO sessions;
CREATE INDEX sessions_live_by_agent ON sessions (agent_id) WHERE ended_at IS NULL;

-- Refresh tokens already traded in. Presenting one again means it was copied: the login it
-- belongs to is ended ('revoked'), whoever holds its current tokens.
CREATE TABLE spent_refresh_tokens (
  refresh_hash TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  spent_at INTEGER NOT NULL
);
CREATE INDEX spent_refresh_tokens_session ON spent_refresh_tokens (session_id);
