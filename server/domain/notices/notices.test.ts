/**
 * 通知 against the real server (SQLite and PostgreSQL): an admin sends to everyone or to a group,
 * recipients list and mark read, the sender sees who has read; the audience holds over REST and
 * realtime, live and replayed; bad input is refused with a code and changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdminGroup, AuditPage, MyNotice, NoticeReceipts, SentNotice, ServerFrame } from '../../../shared/index.js';
import { NOTICE_LIMITS } from '../../../shared/index.js';
import { call, RealtimeClient } from '../../testing/harness.js';
import { createScene, dbFingerprint, type Scene } from '../../testing/scene.js';

type ErrorBody = { error: { code: string; details?: Record<string, string> } };
type EventFrame = Extract<ServerFrame, { type: 'event' }>;

const noticeEvent = (id: string) => (f: ServerFrame) => f.type === 'event' && f.event.type === 'notice.sent' && f.event.notice.id === id;

describe('notices (通知)', () => {
  let scene: Scene;
  let afterSales: AdminGroup;
  const api = <T>(method: string, path: string, body?: unknown, token = scene.admin.token) => call<T>(scene.server.url, method, path, { token, body });

  beforeEach(async () => {
    scene = await createScene();
    // agent1 stays in the first seeded group; agent2 moves to 退换货组.
    afterSales = (await api<AdminGroup>('POST', '/api/admin/groups', { name: '退换货组' })).body;
    expect((await api('PATCH', `/api/admin/agents/${scene.agent2.agentId}`, { groupId: afterSales.id })).status).toBe(200);
  });
  afterEach(() => scene.dispose());

  const send = (body: unknown) => api<SentNotice>('POST', '/api/admin/notices', body);
  const mine = async (token: string) => (await api<MyNotice[]>('GET', '/api/notices', undefined, token)).body;

  it('to everyone: each staff member but the sender gets it at once, marks it read, the sender sees who has read', async () => {
    const ws1 = await RealtimeClient.connect(scene.server.url, scene.agent1.token);
    scene.clients.push(ws1);
    const res = await send({ groupId: null, title: '  系统维护  ', body: '今晚 22:00 系统维护，请提前保存。' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ title: '系统维护', groupId: null, groupName: null, senderName: expect.any(String), read: 0 });
    const notice = res.body;

    const live = await ws1.waitFor<EventFrame>(noticeEvent(notice.id));
    expect(live.event).toEqual({ type: 'notice.sent', notice: expect.objectContaining({ title: '系统维护', body: '今晚 22:00 系统维护，请提前保存。' }) });
    expect(await mine(scene.agent1.token)).toEqual([expect.objectContaining({ id: notice.id, readAt: null })]);
    expect(await mine(scene.admin.token)).toEqual([]);

    const read = await api<MyNotice>('POST', `/api/notices/${notice.id}/read`, undefined, scene.agent1.token);
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(Number));
    // Marking again keeps the first read time.
    const again = await api<MyNotice>('POST', `/api/notices/${notice.id}/read`, undefined, scene.agent1.token);
    expect(again.body.readAt).toBe(read.body.readAt);

    const receipts = await api<NoticeReceipts>('GET', `/api/admin/notices/${notice.id}`);
    expect(receipts.body.notice).toMatchObject({ id: notice.id, recipients: 2, read: 1 });
    expect(receipts.body.receipts).toEqual([
      expect.objectContaining({ agentId: scene.agent2.agentId, account: 'agent2', readAt: null }),
      expect.objectContaining({ agentId: scene.agent1.agentId, account: 'agent1', readAt: read.body.readAt }),
    ]);
    const sent = await api<SentNotice[]>('GET', '/api/admin/notices');
    expect(sent.body).toEqual([expect.objectContaining({ id: notice.id, recipients: 2, read: 1 })]);

    const audit = await api<AuditPage>('GET', '/api/admin/audit?action=notice.send');
    expect(audit.body.entries).toEqual([
      expect.objectContaining({ targetType: 'notice', targetId: notice.id, after: expect.objectContaining({ title: '系统维护', recipients: 2 }) }),
    ]);
  });

  it('to a group: only its members, never an agent of another group — REST, live and replayed', async () => {
    const ws1 = await RealtimeClient.connect(scene.server.url, scene.agent1.token);
    const ws2 = await RealtimeClient.connect(scene.server.url, scene.agent2.token);
    scene.clients.push(ws1, ws2);
    const group = await send({ groupId: afterSales.id, title: '售后流程更新', body: '退货请先核对订单号。' });
    expect(group.status, JSON.stringify(group.body)).toBe(200);
    expect(group.body).toMatchObject({ groupId: afterSales.id, groupName: '退换货组', recipients: 1 });
    const everyone = (await send({ groupId: null, title: '全员', body: '周五聚餐' })).body;

    await ws2.waitFor(noticeEvent(group.body.id));
    // Events arrive in seq order: once agent1 has the later notice, it would have had the group's.
    await ws1.waitFor(noticeEvent(everyone.id));
    expect(ws1.frames.some(noticeEvent(group.body.id))).toBe(false);

    expect((await mine(scene.agent1.token)).map((n) => n.id)).toEqual([everyone.id]);
    expect((await mine(scene.agent2.token)).map((n) => n.id)).toEqual([everyone.id, group.body.id]);
    const foreign = await api<ErrorBody>('POST', `/api/notices/${group.body.id}/read`, undefined, scene.agent1.token);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('NOT_FOUND');

    // A workstation that was offline gets its notices in the replay, and only its own.
    const replay1 = await RealtimeClient.connect(scene.server.url, scene.agent1.token, 0);
    const replay2 = await RealtimeClient.connect(scene.server.url, scene.agent2.token, 0);
    scene.clients.push(replay1, replay2);
    expect(replay1.frames.some(noticeEvent(group.body.id))).toBe(false);
    expect(replay1.frames.some(noticeEvent(everyone.id))).toBe(true);
    expect(replay2.frames.some(noticeEvent(group.body.id))).toBe(true);
  });

  it('refuses bad input with a code and changes nothing', async () => {
    const before = dbFingerprint(scene.server);
    const empty = (await api<AdminGroup>('POST', '/api/admin/groups', { name: '空组' })).body;
    const afterGroup = dbFingerprint(scene.server);
    expect(afterGroup).not.toBe(before);
    const bad: [unknown, string][] = [
      [{ groupId: null, title: '', body: '内容' }, 'title'],
      [{ groupId: null, title: '   ', body: '内容' }, 'title'],
      [{ groupId: null, title: 'x'.repeat(NOTICE_LIMITS.titleMax + 1), body: '内容' }, 'title'],
      [{ groupId: null, title: '标题', body: 'y'.repeat(NOTICE_LIMITS.bodyMax + 1) }, 'body'],
      [{ groupId: null, title: '标题', body: 'a\u0000b' }, 'body'],
      [{ groupId: null, title: '标题' }, 'body'],
      [{ title: '标题', body: '内容' }, 'groupId'],
      [{ groupId: null, title: '标题', body: '内容', html: '<b>x</b>' }, 'body'],
      [{ groupId: 'no-such-group', title: '标题', body: '内容' }, 'groupId'],
      [{ groupId: empty.id, title: '标题', body: '内容' }, 'groupId'],
    ];
    for (const [body, field] of bad) {
      const res = await api<ErrorBody>('POST', '/api/admin/notices', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.body.error.details ?? {}).join(','), JSON.stringify(body)).toContain(field);
    }
    // Agents cannot send, nor read the receipts.
    expect((await api('POST', '/api/admin/notices', { groupId: null, title: '标题', body: '内容' }, scene.agent1.token)).status).toBe(403);
    expect((await api('GET', '/api/admin/notices', undefined, scene.agent1.token)).status).toBe(403);
    expect((await api<ErrorBody>('GET', '/api/admin/notices/nope')).status).toBe(404);
    expect((await api<ErrorBody>('POST', '/api/notices/nope/read', undefined, scene.agent1.token)).status).toBe(404);
    expect((await api<ErrorBody>('GET', '/api/admin/notices?limit=0')).status).toBe(400);
    expect(dbFingerprint(scene.server)).toBe(afterGroup);
  });
});
