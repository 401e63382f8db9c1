-- 报表 (issue 15): pre-aggregated conversation figures per hour × group × agent, so a report over
-- months reads thousands of rows instead of millions. Kept by a catch-up job with a watermark
-- (server/domain/reports/rollups.ts): the conversations named by events after `event_seq` have
-- their hours recomputed from the raw rows; `npm run reports:rebuild` recomputes everything.
-- hour_start is the instant an hour of the company's wall clock begins (the zone's offset within
-- an hour is `align_ms`); group_key / agent_key are '' for no group / no agent. Each figure is
-- counted in the hour of the moment it belongs to (see shared/protocol/rest-reports.ts).
CREATE TABLE report_conversation_hours (
  hour_start INTEGER NOT NULL,
  group_key TEXT NOT NULL,
  agent_key TEXT NOT NULL,
  offered INTEGER NOT NULL,
  answered INTEGER NOT NULL,
  wait_sum_ms INTEGER NOT NULL,
  wait_count INTEGER NOT NULL,
  response_sum_ms INTEGER NOT NULL,
  response_count INTEGER NOT NULL,
  abandoned INTEGER NOT NULL,
  handled INTEGER NOT NULL,
  handling_sum_ms INTEGER NOT NULL,
  ended INTEGER NOT NULL,
  messages INTEGER NOT NULL,
  valid INTEGER NOT NULL,
  invalid INTEGER NOT NULL,
  ended_by_visitor INTEGER NOT NULL,
  ended_by_agent INTEGER NOT NULL,
  ended_by_system INTEGER NOT NULL,
  rated INTEGER NOT NULL,
  rating_sum INTEGER NOT NULL,
  rating_1 INTEGER NOT NULL,
  rating_2 INTEGER NOT NULL,
  rating_3 INTEGER NOT NULL,
  rating_4 INTEGER NOT NULL,
  rating_5 INTEGER NOT NULL,
  PRIMARY KEY (hour_start, group_key, agent_key)
);
CREATE INDEX report_conversation_hours_agent ON report_conversation_hours (agent_key, hour_start);
CREATE INDEX report_conversation_hours_group ON report_conversation_hours (group_key, hour_start);
-- Percentiles cannot be summed: the waits of answered conversations as a histogram per bucket
-- (wait_edge_ms: the upper edge of the wait's bucket, see reports/histogram.ts).
CREATE TABLE report_wait_histogram (
  hour_start INTEGER NOT NULL,
  group_key TEXT NOT NULL,
  agent_key TEXT NOT NULL,
  wait_edge_ms INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (hour_start, group_key, agent_key, wait_edge_ms)
);
-- 对话主题 of the conversations ended in the hour (topic_key '' = none).
CREATE TABLE report_topic_hours (
  hour_start INTEGER NOT NULL,
  group_key TEXT NOT NULL,
  agent_key TEXT NOT NULL,
  topic_key TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (hour_start, group_key, agent_key, topic_key)
);
-- The watermark: events up to event_seq are in the rollups, which are aligned to align_ms.
CREATE TABLE report_rollup_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  event_seq INTEGER NOT NULL,
  align_ms INTEGER NOT NULL,
  rebuilt_at INTEGER NOT NULL
);
