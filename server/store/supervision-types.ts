/** 对话监控's rows (SQLite migration 020, PostgreSQL 013): whispers and review marks. */

/**
 * 悄悄话, in a table of its own: never a message row, so the conversation's message seq (which the
 * visitor's widget checks for gaps) never moves for one, and no visitor read can pick one up.
 */
export interface WhisperRow {
  id: string;
  conversationId: string;
  clientId: string;
  fromRole: 'supervisor' | 'agent';
  authorId: string;
  authorName: string;
  text: string;
  createdAt: number;
}

/** 标记待复核: one per conversation, a later mark replaces it. */
export interface ReviewRow {
  conversationId: string;
  note: string;
  markedById: string;
  markedByName: string;
  markedAt: number;
}

export interface WhisperRepository {
  insert(row: WhisperRow): void;
  byClientId(clientId: string): WhisperRow | undefined;
  /** Oldest first. */
  forConversation(conversationId: string): WhisperRow[];
}

export interface ReviewRepository {
  /** Inserts or replaces the conversation's mark. */
  put(row: ReviewRow): void;
  byConversation(conversationId: string): ReviewRow | undefined;
  /** The marks of these conversations (those without one are absent). */
  forConversations(conversationIds: readonly string[]): Map<string, ReviewRow>;
}

export interface SupervisionRepositories {
  whispers: WhisperRepository;
  reviews: ReviewRepository;
}
