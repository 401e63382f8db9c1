-- 未响应 (issue 5, never miss a chat): when the agent was set away because an offered conversation
-- went unanswered; cleared by the agent's next status change. NULL = not in that state.
ALTER TABLE agents ADD COLUMN not_responding_since INTEGER;
