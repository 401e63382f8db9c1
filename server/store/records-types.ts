/** Repository interface of conversation records (对话记录): SQL-free, so another store can implement it. */
import type { ConversationRow } from './types.js';

export interface RecordFilter {
  from?: number;
  to?: number;
  /** Only this agent's conversations (always set for agents, optional for admins). */
  agentId?: string;
  /** Substring of the visitor's name or the room number. */
  visitor?: string;
  /** Substring of any message text. */
  keyword?: string;
  startedBy?: ConversationRow['startedBy'];
  endedBy?: NonNullable<ConversationRow['endedBy']>;
  valid?: boolean;
  rating?: number;
  topicId?: string;
  sort: 'createdAt' | 'endedAt' | 'rating' | 'roomNo';
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export interface RecordRepository {
  /** Ended conversations matching the filter: one page and the total count. */
  search(filter: RecordFilter): { total: number; rows: ConversationRow[] };
}

export interface RecordRepositories {
  records: RecordRepository;
}
