-- SQLite's migration 023 (报表): the report rollups and their watermark; see there.
CREATE TABLE report_conversation_hours (
  hour_start BIGINT NOT NULL,
  group_key TEXT NOT NULL,
  agent_key TEXT NOT NULL,
  offered BIGINT NOT NULL,
  answered BIGINT NOT NULL,
  wait_sum_ms BIGINT NOT NULL,
  wait_count BIGINT NOT NULL,
  response_sum_ms BIGINT NOT NULL,
  response_count BIGINT NOT NULL,
  abandoned BIGINT NOT NULL,
  handled BIGINT NOT NULL,
  handling_sum_ms BIGINT NOT NULL,
  ended BIGINT NOT NULL,
  messages BIGINT NOT NULL,
  valid BIGINT NOT NULL,
  invalid BIGINT NOT NULL,
  ended_by_visitor BIGINT NOT NULL,
  ended_by_agent BIGINT NOT NULL,
  ended_by_system BIGINT NOT NULL,
  rated BIGINT NOT NULL,
  rating_sum BIGINT NOT NULL,
  rating_1 BIGINT NOT NULL,
  rating_2 BIGINT NOT NULL,
  rating_3 BIGINT NOT NULL,
  rating_4 BIGINT NOT NULL,
  rating_5 BIGINT NOT NULL,
  PRIMARY KEY (hour_start, group_key, agent_key)
);
CREATE INDEX report_conversation_hours_agent ON report_conversation_hours (agent_key, hour_start);
CREATE INDEX report_conversation_hours_group ON report_conversation_hours (group_key, hour_start);
CREATE TABLE report_wait_histogram (
  hour_start BIGINT NOT NULL,
  group_key TEXT NOT NULL,
  agent_key TEXT NOT NULL,
  wait_edge_ms BIGINT NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (hour_start, group_key, agent_key, wait_edge_ms)
);
CREATE TABLE report_topic_hours (
  hour_start BIGINT NOT NULL,
  group_key TEXT NOT NULL,
  agent_key TEXT NOT NULL,
  topic_key TEXT NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (hour_start, group_key, agent_key, topic_key)
);
CREATE TABLE report_rollup_state (
  id BIGINT PRIMARY KEY CHECK (id = 1),
  event_seq BIGINT NOT NULL,
  align_ms BIGINT NOT NULL,
  rebuilt_at BIGINT NOT NULL
);
