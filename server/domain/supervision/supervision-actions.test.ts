/**
 * 对话监控 end to end on the real server: a group leader's list and socket cover their own group
 * only; 强制接管, forced transfer and 标记待复核 lose nothing and are audit-logged; a leader
 * reaching into another group and bad inputs are refused with a code and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  uuidv7,
  type AdminAgent,
  type AdminGroup,
  type AuditPage,
  type Conversation,
  type LiveConversation,
  type Message,
  type ServerFrame,
  type SupervisedConversation,
} from '../../../shared/index.js';
import { call, loginAs, RealtimeClient } from '../../testing/harness.js';
import { createScene, dbFingerprint, goLive, sendText, visitorChat, type Scene, type VisitorChat } from '../../testing/scene.js';

type ErrorBody = { error: { code: string } };
const PASSWORD = 'Zuzhang-2026';
const base = '/api/admin/supervision/conversations';

describe('supervision actions', () => {
  let scene: Scene;
  let leader: { token: string; agentId: string };
  let groupA: string;
  let groupB: AdminGroup;
  /** agent1 (group A, the leader's) and agent2 (moved to group B) each have a chat. */
  let chatA: VisitorChat;
  let chatB: VisitorChat;
  let leaderWs: RealtimeClient;
  const as = <T>(token: string, method: string, path: string, body?: unknown) => call<T>(scene.server.url, method, path, { token, body });

  beforeAll(async () => {
    scene = await createScene();
    const admin = scene.admin.token;
    groupA = (await as<AdminGroup[]>(admin, 'GET', '/api/admin/groups')).body[0]!.id;
    groupB = (await as<AdminGroup>(admin, 'POST', '/api/admin/groups', { name: '售后组' })).body;
    await as<AdminAgent>(admin, 'POST', '/api/admin/agents', { account: 'leader.a', password: PASSWORD, nickname: '组长甲', groupId: groupA, role: 'leader' });
    await as(admin, 'PATCH', `/api/admin/agents/${scene.agent2.agentId}`, { groupId: groupB.id });
    leader = await loginAs(scene.server.url, 'leader.a', PASSWORD);
    await goLive(scene, scene.agent1, 'online');
    chatA = await visitorChat(scene, { groupId: groupA });
    await goLive(scene, scene.agent2, 'online');
    await scene.agent1.ws!.close();
    await setAway(scene.agent1.token);
    chatB = await visitorChat(scene, { groupId: groupB.id });
    leaderWs = await RealtimeClient.open(scene.server.url);
    scene.clients.push(leaderWs);
    leaderWs.send({ type: 'hello', token: leader.token, lastSeq: 0, supervise: true });
    await leaderWs.waitFor((f) => f.type === 'replay.done');
  });
  afterAll(() => scene.dispose());

  const setAway = (token: string) => as(token, 'PUT', '/api/me/status', { status: 'away' });

  it('the list: a leader sees their group’s conversations, an admin all, with filters', async () => {
    const mine = await as<LiveConversation[]>(leader.token, 'GET', base);
    expect(mine.status).toBe(200);
    expect(mine.body.map((c) => c.id)).toEqual([chatA.conversationId]);
    expect(mine.body[0]).toMatchObject({ agentId: scene.agent1.agentId, state: 'active', review: null });
    const all = (await as<LiveConversation[]>(scene.admin.token, 'GET', base)).body.map((c) => c.id);
    expect(all).toEqual(expect.arrayContaining([chatA.conversationId, chatB.conversationId]));
    expect((await as<LiveConversation[]>(scene.admin.token, 'GET', `${base}?agentId=${scene.agent2.agentId}`)).body.map((c) => c.id)).toEqual([
      chatB.conversationId,
    ]);
    expect((await as<LiveConversation[]>(scene.admin.token, 'GET', `${base}?groupId=${groupB.id}`)).body.map((c) => c.id)).toEqual([chatB.conversationId]);
    // The test clock stands still: nobody has waited a second yet.
    expect((await as<LiveConversation[]>(scene.admin.token, 'GET', `${base}?noReplySeconds=1`)).body).toEqual([]);
    const bad = await as<ErrorBody>(scene.admin.token, 'GET', `${base}?noReplySeconds=0`);
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('a leader’s supervising socket carries their group’s messages and not another group’s', async () => {
    await sendText(scene, chatB.token, chatB.conversationId, '售后问题');
    await sendText(scene, chatA.token, chatA.conversationId, '售前咨询');
    await leaderWs.waitFor((f) => f.type === 'event' && f.event.type === 'message.created' && f.event.message.text === '售前咨询');
    expect(JSON.stringify(leaderWs.events())).not.toContain('售后问题');
  });

  it('opening one read-only shows the transcript and is audit-logged', async () => {
    const opened = await as<SupervisedConversation>(leader.token, 'GET', `${base}/${chatA.conversationId}`);
    expect(opened.body.messages.map((m) => m.text)).toContain('售前咨询');
    const audit = await as<AuditPage>(scene.admin.token, 'GET', `/api/admin/audit?action=conversation.watch`);
    expect(audit.body.entries[0]).toMatchObject({ actorId: leader.agentId, targetType: 'conversation', targetId: chatA.conversationId });
  });

  it('a leader reaching into another group is refused and changes nothing', async () => {
    const before = dbFingerprint(scene.server);
    const id = chatB.conversationId;
    const attempts: [string, string, unknown][] = [
      ['GET', `${base}/${id}`, undefined],
      ['POST', `${base}/${id}/whispers`, { clientId: uuidv7(), text: '越权' }],
      ['POST', `${base}/${id}/take-over`, undefined],
      ['POST', `${base}/${id}/transfer`, { toAgentId: scene.agent1.agentId }],
      ['PUT', `${base}/${id}/review`, { note: '越权' }],
      // Their own group's conversation, moved out of the group.
      ['POST', `${base}/${chatA.conversationId}/transfer`, { toGroupId: groupB.id }],
      ['POST', `${base}/${chatA.conversationId}/transfer`, { toAgentId: scene.agent2.agentId }],
    ];
    for (const [method, path, body] of attempts) {
      const res = await as<ErrorBody>(leader.token, method, path, body);
      expect([res.status, res.body.error.code], `${method} ${path}`).toEqual([403, 'FORBIDDEN']);
    }
    // An agent may not use them at all, nor answer a whisper in someone else's chat.
    expect((await as<ErrorBody>(scene.agent2.token, 'POST', `${base}/${id}/whispers`, { clientId: uuidv7(), text: 'x' })).status).toBe(403);
    expect(
      (await as<ErrorBody>(scene.agent2.token, 'POST', `/api/conversations/${chatA.conversationId}/whispers`, { clientId: uuidv7(), text: 'x' })).status,
    ).toBe(403);
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('bad inputs get a code and change nothing', async () => {
    const before = dbFingerprint(scene.server);
    const id = chatA.conversationId;
    const cases: [string, string, unknown, number, string][] = [
      ['POST', `${base}/${id}/whispers`, { clientId: uuidv7(), text: '   ' }, 400, 'VALIDATION_FAILED'],
      ['POST', `${base}/${id}/whispers`, { clientId: 'not-a-uuid', text: '好' }, 400, 'VALIDATION_FAILED'],
      ['POST', `${base}/${id}/whispers`, { clientId: uuidv7(), text: '好', extra: 1 }, 400, 'VALIDATION_FAILED'],
      ['PUT', `${base}/${id}/review`, { note: 'x'.repeat(501) }, 400, 'VALIDATION_FAILED'],
      ['PUT', `${base}/${id}/review`, {}, 400, 'VALIDATION_FAILED'],
      ['POST', `${base}/${id}/transfer`, { toAgentId: 'no-such-agent' }, 404, 'NOT_FOUND'],
      ['POST', `${base}/${id}/transfer`, { toGroupId: 'no-such-group' }, 404, 'NOT_FOUND'],
      ['POST', `${base}/${id}/transfer`, { toAgentId: scene.agent1.agentId }, 409, 'INVALID_STATE'],
      ['POST', `${base}/no-such-conversation/take-over`, undefined, 404, 'NOT_FOUND'],
    ];
    for (const [method, path, body, status, code] of cases) {
      const res = await as<ErrorBody>(scene.admin.token, method, path, body);
      expect([res.status, res.body.error.code], `${method} ${path} ${JSON.stringify(body)}`).toEqual([status, code]);
    }
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('标记待复核 is stored with its note, replaced by a later mark, and logged', async () => {
    const first = await as<LiveConversation>(leader.token, 'PUT', `${base}/${chatA.conversationId}/review`, { note: '回复太慢' });
    expect(first.body.review).toMatchObject({ note: '回复太慢', markedById: leader.agentId, markedByName: '组长甲' });
    await as(leader.token, 'PUT', `${base}/${chatA.conversationId}/review`, { note: '语气欠妥' });
    const listed = (await as<LiveConversation[]>(leader.token, 'GET', base)).body.find((c) => c.id === chatA.conversationId);
    expect(listed?.review?.note).toBe('语气欠妥');
    const audit = await as<AuditPage>(scene.admin.token, 'GET', `/api/admin/audit?action=conversation.review`);
    expect(audit.body.entries.map((e) => e.after)).toEqual([{ note: '语气欠妥' }, { note: '回复太慢' }]);
  });

  it('强制接管: the leader gets it, the agent’s workstation drops it, both sides read why, nothing is lost', async () => {
    const agentWs = await RealtimeClient.connect(
      scene.server.url,
      scene.agent1.token,
      (await leaderWs.waitFor<Extract<ServerFrame, { type: 'welcome' }>>((f) => f.type === 'welcome')).headSeq,
    );
    scene.clients.push(agentWs);
    const visitorWs = await RealtimeClient.connect(scene.server.url, chatA.token);
    scene.clients.push(visitorWs);
    const taken = await as<Conversation>(leader.token, 'POST', `${base}/${chatA.conversationId}/take-over`);
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ agentId: leader.agentId, state: 'active' });
    await agentWs.waitFor((f) => f.type === 'event' && f.event.type === 'conversation.removed' && f.event.reason === 'taken-over');
    await visitorWs.waitFor((f) => f.type === 'event' && f.event.type === 'message.created' && f.event.message.text === '对话已由 组长甲 接管');

    // The leader chats from the console and finishes the conversation.
    expect((await sendText(scene, leader.token, chatA.conversationId, '您好，我是组长')).status).toBe(200);
    await visitorWs.waitFor((f) => f.type === 'event' && f.event.type === 'message.created' && f.event.message.text === '您好，我是组长');
    const topics = (await as<{ id: string }[]>(leader.token, 'GET', '/api/topics')).body;
    expect((await as(leader.token, 'POST', `/api/conversations/${chatA.conversationId}/close`, { topicId: topics[0]!.id, note: '' })).status).toBe(200);
    const messages = (await as<Message[]>(chatA.token, 'GET', `/api/conversations/${chatA.conversationId}/messages?afterSeq=0`)).body;
    expect(messages.map((m) => m.seq)).toEqual(messages.map((_, i) => i + 1));
    expect(messages.map((m) => m.text)).toEqual(expect.arrayContaining(['售前咨询', '对话已由 组长甲 接管', '您好，我是组长']));
    const audit = await as<AuditPage>(scene.admin.token, 'GET', `/api/admin/audit?action=conversation.takeOver`);
    expect(audit.body.entries[0]).toMatchObject({ before: { agentId: scene.agent1.agentId }, after: { agentId: leader.agentId } });
    // The review mark shows in the records and their export.
    const records = await as<{ items: Conversation[] }>(scene.admin.token, 'GET', '/api/records');
    expect(records.body.items.find((c) => c.id === chatA.conversationId)?.review).toMatchObject({ note: '语气欠妥', markedByName: '组长甲' });
    const csv = await call(scene.server.url, 'GET', '/api/records/export?format=csv', { token: scene.admin.token });
    expect(String(csv.body)).toContain('待复核');
    expect(String(csv.body)).toContain('语气欠妥');
    // Ended: no more taking over.
    expect((await as<ErrorBody>(leader.token, 'POST', `${base}/${chatA.conversationId}/take-over`)).body.error.code).toBe('INVALID_STATE');
  });

  it('forced transfer: an admin moves a chat to another agent through the transfer rules', async () => {
    await goLive(scene, scene.agent1, 'online');
    const moved = await as<Conversation>(scene.admin.token, 'POST', `${base}/${chatB.conversationId}/transfer`, { toAgentId: scene.agent1.agentId });
    expect(moved.body).toMatchObject({ agentId: scene.agent1.agentId, state: 'active' });
    await scene.agent2.ws!.waitFor((f) => f.type === 'event' && f.event.type === 'conversation.removed' && f.event.conversationId === chatB.conversationId);
    const messages = (await as<Message[]>(chatB.token, 'GET', `/api/conversations/${chatB.conversationId}/messages?afterSeq=0`)).body;
    expect(messages.map((m) => m.text)).toEqual(['售后问题', expect.stringContaining('转接给')]);
    const audit = await as<AuditPage>(scene.admin.token, 'GET', `/api/admin/audit?action=conversation.transfer`);
    expect(audit.body.entries[0]).toMatchObject({ targetId: chatB.conversationId, after: { agentId: scene.agent1.agentId } });
  });
});
