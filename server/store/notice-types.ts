/** 通知 (migration 013): the notices admins send and who each went to and has read. */
export interface NoticeRow {
  id: string;
  sentAt: number;
  senderId: string;
  /** The sender's nickname when sent. */
  senderName: string;
  /** Null: sent to everyone. */
  groupId: string | null;
  groupName: string | null;
  title: string;
  body: string;
}

/** A notice as one recipient has it. */
export interface RecipientNoticeRow extends NoticeRow {
  readAt: number | null;
}

/** A notice with its read counts, for the sender's list. */
export interface SentNoticeRow extends NoticeRow {
  recipients: number;
  read: number;
}

export interface NoticeReceiptRow {
  agentId: string;
  /** Null once the account is deleted. */
  account: string | null;
  nickname: string | null;
  readAt: number | null;
}

export interface NoticeRepository {
  /** The notice and one unread receipt per recipient. */
  insert(row: NoticeRow, recipientIds: readonly string[]): void;
  /** With its read counts; undefined if there is no such notice. */
  sentById(id: string): SentNoticeRow | undefined;
  /** Newest first. */
  sent(limit: number): SentNoticeRow[];
  /** The notices to one group (a leader's view), newest first. */
  sentToGroup(groupId: string, limit: number): SentNoticeRow[];
  /** Every recipient, unread first, then by read time and account. */
  receipts(noticeId: string): NoticeReceiptRow[];
  /** This agent's notices, newest first. */
  forRecipient(agentId: string, limit: number): RecipientNoticeRow[];
  /** One notice if this agent is among its recipients. */
  ofRecipient(noticeId: string, agentId: string): RecipientNoticeRow | undefined;
  /** Sets the read time unless one is set already (the first read counts). */
  markRead(noticeId: string, agentId: string, at: number): void;
}

export interface NoticeRepositories {
  notices: NoticeRepository;
}
