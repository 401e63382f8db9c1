/**
 * 通知: an admin's notice to everyone or to one skill group; a group leader's to their own group. The recipients are fixed when it is
 * sent (the enabled accounts then, without the sender), so the read receipts always name the same
 * people. The notice, its receipts, its audit entry and its `notice.sent` event are written in one
 * transaction: a workstation that is offline gets the event on its next replay, never a notice
 * that was not stored.
 */
import { uuidv7, type MyNotice, type Notice, type NoticeReceipts, type SendNoticeBody, type SentNotice } from '../../../shared/index.js';
import type { NoticeRow, RecipientNoticeRow, SentNoticeRow } from '../../store/notice-types.js';
import { audience, type AgentRow } from '../../store/types.js';
import type { DomainContext } from '../context.js';
import { refuse } from '../errors.js';
import { recordAudit } from '../admin/audit.js';
import { assertOwnGroup, groupInView, type ConsoleActor } from '../admin/console-scope.js';

const NOT_THEIR_GROUP = 'A group leader sends notices to their own group only';

const toNotice = (row: NoticeRow): Notice => ({
  id: row.id,
  title: row.title,
  body: row.body,
  sentAt: row.sentAt,
  senderName: row.senderName,
  groupId: row.groupId,
  groupName: row.groupName,
});
const toMyNotice = (row: RecipientNoticeRow): MyNotice => ({ ...toNotice(row), readAt: row.readAt });
const toSentNotice = (row: SentNoticeRow): SentNotice => ({ ...toNotice(row), recipients: row.recipients, read: row.read });

/** Who a notice to `groupId` (null: everyone) reaches now: enabled accounts, never the sender. */
function recipientsOf(ctx: DomainContext, sender: AgentRow, groupId: string | null): AgentRow[] {
  return ctx.store.agents.list().filter((a) => !a.disabledAt && a.id !== sender.id && (groupId === null || a.groupId === groupId));
}

export function sendNotice(ctx: DomainContext, sender: AgentRow, body: Pick<SendNoticeBody, 'groupId'> & { title: string; body: string }): SentNotice {
  return ctx.store.transaction(() => {
    assertOwnGroup(sender, body.groupId, NOT_THEIR_GROUP);
    const group =
      body.groupId === null ? null : (ctx.store.groups.byId(body.groupId) ?? refuse('VALIDATION_FAILED', 'No such skill group', { groupId: 'unknown group' }));
    const recipients = recipientsOf(ctx, sender, body.groupId);
    if (recipients.length === 0)
      refuse('VALIDATION_FAILED', 'Nobody would receive this notice: the group has no enabled members', { groupId: 'no recipients' });
    const now = ctx.clock();
    const row: NoticeRow = {
      id: uuidv7(now),
      sentAt: now,
      senderId: sender.id,
      senderName: sender.nickname,
      groupId: group?.id ?? null,
      groupName: group?.name ?? null,
      title: body.title,
      body: body.body,
    };
    ctx.store.notices.insert(
      row,
      recipients.map((a) => a.id),
    );
    recordAudit(ctx, sender, 'notice.send', { type: 'notice', id: row.id }, null, {
      title: row.title,
      groupId: row.groupId,
      groupName: row.groupName,
      recipients: recipients.length,
    });
    // Everyone: the staff audience (admins read every event anyway); a group: each member by name,
    // so an agent of another group never receives it, live or replayed.
    const to = group === null ? [audience.staff] : recipients.map((a) => audience.agent(a.id));
    ctx.store.events.append({ type: 'notice.sent', notice: toNotice(row) }, to, now);
    return { ...toNotice(row), recipients: recipients.length, read: 0 };
  });
}

/** An admin sees every notice; a leader those to their group (whoever sent them). */
export function listSentNotices(ctx: DomainContext, actor: ConsoleActor, limit: number): SentNotice[] {
  const groupId = groupInView(actor);
  return (groupId === null ? ctx.store.notices.sent(limit) : ctx.store.notices.sentToGroup(groupId, limit)).map(toSentNotice);
}

/** Another group's notice is NOT_FOUND to a leader: its existence is not theirs to learn. */
export function noticeReceipts(ctx: DomainContext, actor: ConsoleActor, id: string): NoticeReceipts {
  const found = ctx.store.notices.sentById(id);
  const groupId = groupInView(actor);
  const notice = found && (groupId === null || found.groupId === groupId) ? found : refuse('NOT_FOUND', 'No such notice');
  return { notice: toSentNotice(notice), receipts: ctx.store.notices.receipts(id) };
}

export function listMyNotices(ctx: DomainContext, agentId: string, limit: number): MyNotice[] {
  return ctx.store.notices.forRecipient(agentId, limit).map(toMyNotice);
}

/** Another person's notice is NOT_FOUND, the same as one that does not exist: its existence is not theirs to learn. */
export function markNoticeRead(ctx: DomainContext, agentId: string, id: string): MyNotice {
  return ctx.store.transaction(() => {
    if (!ctx.store.notices.ofRecipient(id, agentId)) refuse('NOT_FOUND', 'No such notice');
    ctx.store.notices.markRead(id, agentId, ctx.clock());
    return toMyNotice(ctx.store.notices.ofRecipient(id, agentId)!);
  });
}
