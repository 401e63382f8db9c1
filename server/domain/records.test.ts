import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../testing/harness.js';
import { createScene, goLive, sendText, visitorChat, type Scene, type Staff } from '../testing/scene.js';

type ErrorBody = { error: { code: string; details?: Record<string, string> } };
interface Rec {
  id: string;
  roomNo: string;
  visitorName: string;
  agentId: string | null;
  createdAt: number;
  endedBy: string | null;
  valid: boolean | null;
  evaluation: { rating: number } | null;
}
interface Page {
  total: number;
  items: Rec[];
}

interface Made {
  id: string;
  roomNo: string;
  createdAt: number;
}

describe('conversation records (对话记录)', () => {
  let scene: Scene;
  let topics: string[];
  const made: Record<string, Made> = {};

  const records = (staff: Staff, query: Record<string, string | number>) =>
    call<Page & ErrorBody>(
      scene.server.url,
      'GET',
      `/api/records?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]))}`,
      { token: staff.token },
    );
  const ids = (page: Page) => page.items.map((r) => r.id).sort();
  const idsOf = (...keys: string[]) => keys.map((k) => made[k]!.id).sort();

  /** One ended conversation: routed to `agent`, optional visitor text, rating, ended by visitor or agent. */
  async function makeRecord(key: string, o: { agent: Staff; name: string; text?: string; rating?: number; topic: number; visitorEnds?: boolean }) {
    scene.server.clock.advance(60_000);
    const chat = await visitorChat(scene, { name: o.name, agentId: o.agent.agentId });
    if (o.text) await sendText(scene, chat.token, chat.conversationId, o.text);
    await sendText(scene, o.agent.token, chat.conversationId, '您好，请问有什么可以帮您');
    if (o.rating) {
      await call(scene.server.url, 'POST', `/api/conversations/${chat.conversationId}/push-evaluation`, { token: o.agent.token });
      const rated = await call(scene.server.url, 'POST', '/api/visitor/evaluation', { token: chat.token, body: { rating: o.rating, comment: '好' } });
      expect(rated.status).toBe(200);
    }
    if (o.visitorEnds) expect((await call(scene.server.url, 'POST', '/api/visitor/conversation/end', { token: chat.token })).status).toBe(200);
    const closed = await call<Rec>(scene.server.url, 'POST', `/api/conversations/${chat.conversationId}/close`, {
      token: o.agent.token,
      body: { topicId: topics[o.topic], note: '小结' },
    });
    expect(closed.status).toBe(200);
    expect(closed.body.agentId).toBe(o.agent.agentId);
    made[key] = { id: closed.body.id, roomNo: closed.body.roomNo, createdAt: closed.body.createdAt };
  }

  beforeAll(async () => {
    scene = await createScene();
    await goLive(scene, scene.agent1, 'online');
    await goLive(scene, scene.agent2, 'online');
    topics = (await call<{ id: string }[]>(scene.server.url, 'GET', '/api/topics', { token: scene.admin.token })).body.map((t) => t.id);
    await makeRecord('r1', { agent: scene.agent1, name: '张三', text: '我要退货 100%', rating: 5, topic: 0 });
    await makeRecord('r2', { agent: scene.agent1, name: 'Li, "Lee"', text: '发票问题', rating: 2, topic: 1 });
    await makeRecord('r3', { agent: scene.agent2, name: '王五', text: '退货流程', topic: 0, visitorEnds: true });
    await makeRecord('r4', { agent: scene.agent1, name: '赵六', topic: 0 });
    // An open conversation is not a record yet.
    await visitorChat(scene, { name: '进行中', agentId: scene.agent1.agentId });
  }, 60_000);
  afterAll(() => scene.dispose());

  it('admins see everyone’s records, agents only their own', async () => {
    expect(ids((await records(scene.admin, {})).body)).toEqual(idsOf('r1', 'r2', 'r3', 'r4'));
    expect(ids((await records(scene.agent1, {})).body)).toEqual(idsOf('r1', 'r2', 'r4'));
    expect(ids((await records(scene.agent2, {})).body)).toEqual(idsOf('r3'));
    expect(ids((await records(scene.admin, { agentId: scene.agent2.agentId })).body)).toEqual(idsOf('r3'));
    const sneak = await records(scene.agent1, { agentId: scene.agent2.agentId });
    expect(sneak.status).toBe(403);
    expect(sneak.body.error.code).toBe('FORBIDDEN');
  });

  it('filters by keyword (with % and _ taken literally), visitor, valid, rating, topic, ended-by and time', async () => {
    const q = async (query: Record<string, string | number>) => ids((await records(scene.admin, query)).body);
    expect(await q({ keyword: '退货' })).toEqual(idsOf('r1', 'r3'));
    expect(await q({ keyword: '100%' })).toEqual(idsOf('r1'));
    expect(await q({ keyword: '%' })).toEqual(idsOf('r1'));
    expect(await q({ keyword: '_' })).toEqual([]);
    expect(await q({ visitor: 'lee' })).toEqual(idsOf('r2'));
    expect(await q({ visitor: made.r3!.roomNo.slice(-4) })).toContain(made.r3!.id);
    expect(await q({ valid: 'false' })).toEqual(idsOf('r4'));
    expect(await q({ valid: 'true' })).toEqual(idsOf('r1', 'r2', 'r3'));
    expect(await q({ rating: 5 })).toEqual(idsOf('r1'));
    expect(await q({ topicId: topics[1]! })).toEqual(idsOf('r2'));
    expect(await q({ endedBy: 'visitor' })).toEqual(idsOf('r3'));
    expect(await q({ startedBy: 'transfer' })).toEqual([]);
    expect(await q({ from: made.r2!.createdAt, to: made.r3!.createdAt })).toEqual(idsOf('r2', 'r3'));
    expect(await q({ keyword: '退货', agentId: scene.agent1.agentId })).toEqual(idsOf('r1'));
  });

  it('pages on the server with a total, and sorts by the chosen column', async () => {
    const first = (await records(scene.admin, { pageSize: 3, page: 1, sort: 'createdAt', order: 'asc' })).body;
    const second = (await records(scene.admin, { pageSize: 3, page: 2, sort: 'createdAt', order: 'asc' })).body;
    expect(first.total).toBe(4);
    expect(second.total).toBe(4);
    expect(first.items.map((r) => r.id)).toEqual(['r1', 'r2', 'r3'].map((k) => made[k]!.id));
    expect(second.items.map((r) => r.id)).toEqual([made.r4!.id]);
    const byRoom = (await records(scene.admin, { sort: 'roomNo', order: 'desc' })).body.items.map((r) => r.roomNo);
    expect(byRoom).toEqual([...byRoom].sort().reverse());
    const byRating = (await records(scene.admin, { sort: 'rating', order: 'desc' })).body.items;
    expect(byRating.map((r) => r.evaluation?.rating ?? null)).toEqual([5, 2, null, null]);
    const asc = (await records(scene.admin, { sort: 'rating', order: 'asc' })).body.items;
    expect(asc.slice(0, 2).map((r) => r.evaluation?.rating)).toEqual([2, 5]);
  });

  it('refuses bad query values with VALIDATION_FAILED', async () => {
    const bad: Record<string, string | number>[] = [
      { pageSize: 101 },
      { page: 0 },
      { sort: 'visitorId' },
      { order: 'up' },
      { valid: 'yes' },
      { rating: 6 },
      { rating: 'x' },
      { from: 10, to: 5 },
      { startedBy: 'robot' },
      { unknown: 1 },
      { from: -1 },
    ];
    for (const query of bad) {
      const res = await records(scene.admin, query);
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    const format = await call<ErrorBody>(scene.server.url, 'GET', '/api/records/export?format=pdf', { token: scene.admin.token });
    expect(format.body.error.code).toBe('VALIDATION_FAILED');
    expect((await call(scene.server.url, 'GET', '/api/records')).status).toBe(401);
  });

  it('exports CSV with a BOM, a Chinese header and one escaped row per record', async () => {
    const res = await fetch(`${scene.server.url}/api/records/export?format=csv&sort=createdAt&order=asc`, {
      headers: { authorization: `Bearer ${scene.admin.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]!.split(',').slice(0, 3)).toEqual(['房间号', '访客', '客服']);
    expect(lines).toHaveLength(5);
    expect(lines[2]).toContain(`${made.r2!.roomNo},"Li, ""Lee"""`);
    expect(lines[1]).toContain('张三');
    const mine = await fetch(`${scene.server.url}/api/records/export?format=csv`, { headers: { authorization: `Bearer ${scene.agent2.token}` } });
    expect((await mine.text()).trimEnd().split('\r\n')).toHaveLength(2);
  });

  it('exports XLSX as a zip workbook', async () => {
    const res = await fetch(`${scene.server.url}/api/records/export?format=xlsx&keyword=${encodeURIComponent('退货')}`, {
      headers: { authorization: `Bearer ${scene.admin.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(res.headers.get('x-total-count')).toBe('2');
  });

  it('the transcript of an ended record is readable by its agent and admins, not by another agent', async () => {
    const path = `/api/conversations/${made.r1!.id}/messages`;
    const own = await call<{ text: string }[]>(scene.server.url, 'GET', path, { token: scene.agent1.token });
    expect(own.status).toBe(200);
    expect(own.body.map((m) => m.text)).toContain('我要退货 100%');
    expect((await call(scene.server.url, 'GET', path, { token: scene.admin.token })).status).toBe(200);
    expect((await call(scene.server.url, 'GET', path, { token: scene.agent2.token })).status).toBe(403);
  });
});
