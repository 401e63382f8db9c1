/** 通知 on either engine: notices, their recipients and read receipts. */
import type { NoticeReceiptRow, NoticeRepositories, RecipientNoticeRow, SentNoticeRow } from '../notice-types.js';
import { type SqlDb, cachedStatement, fromRow, fromRows, inChunks, insertRow } from './sql-db.js';

const NOTICE_COLUMNS = 'n.id, n.sent_at, n.sender_id, n.sender_name, n.group_id, n.group_name, n.title, n.body';
// Read counts per notice in one pass over its receipts.
const SENT = `SELECT ${NOTICE_COLUMNS}, COUNT(r.agent_id) AS recipients, COALESCE(SUM(CASE WHEN r.read_at IS NULL THEN 0 ELSE 1 END), 0) AS read
  FROM notices n LEFT JOIN notice_recipients r ON r.notice_id = n.id`;
const GROUP_BY = `GROUP BY ${NOTICE_COLUMNS}`;
// Newest first; the rowid (an identity column on PostgreSQL) orders notices of the same millisecond.

export function sqlNoticeRepositories(db: SqlDb): NoticeRepositories {
  const sentById = db.prepare(`${SENT} WHERE n.id = ? ${GROUP_BY}`);
  const NEWEST_FIRST = 'ORDER BY n.sent_at DESC, n.rowid DESC LIMIT ?';
  const sent = db.prepare(`${SENT} ${GROUP_BY} ${NEWEST_FIRST}`);
  const sentToGroup = db.prepare(`${SENT} WHERE n.group_id = ? ${GROUP_BY} ${NEWEST_FIRST}`);
  const receipts = db.prepare(
    `SELECT r.agent_id, a.account, a.nickname, r.read_at FROM notice_recipients r LEFT JOIN agents a ON a.id = r.agent_id
     WHERE r.notice_id = ? ORDER BY CASE WHEN r.read_at IS NULL THEN 0 ELSE 1 END, r.read_at, a.account, r.agent_id`,
  );
  const mine = `SELECT ${NOTICE_COLUMNS}, r.read_at FROM notice_recipients r JOIN notices n ON n.id = r.notice_id WHERE r.agent_id = ?`;
  const forRecipient = db.prepare(`${mine} ORDER BY n.sent_at DESC, n.rowid DESC LIMIT ?`);
  const ofRecipient = db.prepare(`${mine} AND r.notice_id = ?`);
  const markRead = db.prepare('UPDATE notice_recipients SET read_at = ? WHERE notice_id = ? AND agent_id = ? AND read_at IS NULL');
  const addRecipients = (count: number) =>
    cachedStatement(db, `INSERT INTO notice_recipients (notice_id, agent_id) VALUES ${Array.from({ length: count }, () => '(?, ?)').join(', ')}`);

  return {
    notices: {
      insert(row, recipientIds) {
        insertRow(db, 'notices', row);
        // A few statements for a large staff instead of one per recipient.
        inChunks(recipientIds, (chunk) => addRecipients(chunk.length).run(...chunk.flatMap((agentId) => [row.id, agentId])));
      },
      sentById: (id) => {
        const row = sentById.get(id);
        return row ? fromRow<SentNoticeRow>(row) : undefined;
      },
      sent: (limit) => fromRows<SentNoticeRow>(sent.all(limit)),
      sentToGroup: (groupId, limit) => fromRows<SentNoticeRow>(sentToGroup.all(groupId, limit)),
      receipts: (noticeId) => fromRows<NoticeReceiptRow>(receipts.all(noticeId)),
      forRecipient: (agentId, limit) => fromRows<RecipientNoticeRow>(forRecipient.all(agentId, limit)),
      ofRecipient: (noticeId, agentId) => {
        const row = ofRecipient.get(agentId, noticeId);
        return row ? fromRow<RecipientNoticeRow>(row) : undefined;
      },
      markRead: (noticeId, agentId, at) => void markRead.run(at, noticeId, agentId),
    },
  };
}
