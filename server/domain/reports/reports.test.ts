/**
 * 报表 against an independent computation: the generator's rows (kept in memory) are summed here
 * with plain TypeScript — no SQL, no rollups — and every figure of every report must match, on
 * SQLite and on PostgreSQL (the `postgres` project runs this file again). Also: the company day's
 * midnight, an empty range, a leader's scope, the catch-up after new facts, and bad queries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTO_REPLY_CLIENT_PREFIX } from '../../../shared/phrases.js';
import type { ReportQuery, VolumeFigures } from '../../../shared/protocol/rest-reports.js';
import { call, loginAs, startTestServer, type TestServer } from '../../testing/harness.js';
import type { ConversationRow } from '../../store/types.js';
import { waitEdge } from '../../store/sql/report-buckets.js';
import { generateReportData, type ReportData } from '../../tools/report-data.js';
import type { ConsoleActor } from '../admin/console-scope.js';
import { computeReport, drillReport } from './reports.js';
import { rebuildRollups } from './rollups.js';

const TZ_OFFSET = 8 * 3_600_000; // Asia/Shanghai, no daylight saving
const DAY = 86_400_000;
/** 2026-11-01 00:00 in Shanghai. */
const START = Date.UTC(2026, 10, 1) - TZ_OFFSET;
const DAYS = 6;
const dateOf = (at: number): string => new Date(at + TZ_OFFSET).toISOString().slice(0, 10);
const hourOf = (at: number): number => new Date(at + TZ_OFFSET).getUTCHours();

let server: TestServer;
let data: ReportData;
const admin: ConsoleActor = { id: 'admin-test', account: 'admin', role: 'admin', groupId: null };
const query = (q: Partial<ReportQuery> = {}): ReportQuery => ({ from: '2026-11-01', to: '2026-11-06', compare: false, ...q });

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const avg = (xs: number[]): number | null => (xs.length ? sum(xs) / xs.length : null);
/** Nearest-rank 90th percentile, read at the histogram's resolution (report-buckets.ts). */
const p90 = (xs: number[]): number | null => (xs.length ? waitEdge([...xs].sort((a, b) => a - b)[Math.ceil(0.9 * xs.length) - 1]!) : null);

/** The volume figures of the conversations `cs`, each counted at its own moments within [from, to). */
function expectedVolume(cs: ConversationRow[], from: number, to: number): VolumeFigures {
  const inRange = (t: number | null): t is number => t !== null && t >= from && t < to;
  const firstAssigned = new Map<string, number>();
  for (const a of data.activity)
    if (a.kind === 'assigned' && a.conversationId) firstAssigned.set(a.conversationId, Math.min(a.at, firstAssigned.get(a.conversationId) ?? Infinity));
  const firstReply = new Map<string, number>();
  const counted = new Map<string, number>();
  for (const m of data.messages) {
    if (m.sender !== 'system') counted.set(m.conversationId, (counted.get(m.conversationId) ?? 0) + 1);
    if (m.sender === 'agent' && !m.clientId.startsWith(AUTO_REPLY_CLIENT_PREFIX))
      firstReply.set(m.conversationId, Math.min(m.createdAt, firstReply.get(m.conversationId) ?? Infinity));
  }
  const started = cs.filter((c) => inRange(c.createdAt));
  const answered = started.filter((c) => c.assignedAt !== null);
  const waits = answered.map((c) => firstAssigned.get(c.id)! - c.createdAt);
  const responses = started.filter((c) => firstReply.has(c.id) && firstAssigned.has(c.id)).map((c) => firstReply.get(c.id)! - firstAssigned.get(c.id)!);
  const ended = cs.filter((c) => c.state === 'ended' && inRange(c.endedAt));
  const handled = ended.filter((c) => c.agentId !== null);
  const messages = sum(ended.map((c) => counted.get(c.id) ?? 0));
  return {
    offered: started.length,
    answered: answered.length,
    answerRate: started.length ? answered.length / started.length : null,
    abandoned: ended.filter((c) => c.agentId === null).length,
    waitAvgMs: avg(waits),
    waitP90Ms: p90(waits),
    firstResponseAvgMs: avg(responses),
    handled: handled.length,
    handlingAvgMs: avg(handled.map((c) => c.endedAt! - firstAssigned.get(c.id)!)),
    messages,
    messagesPerConversation: ended.length ? messages / ended.length : null,
    valid: ended.filter((c) => c.valid === true).length,
    invalid: ended.filter((c) => c.valid === false).length,
    endedBy: {
      visitor: ended.filter((c) => c.endedBy === 'visitor').length,
      agent: ended.filter((c) => c.endedBy === 'agent').length,
      system: ended.filter((c) => c.endedBy === 'system').length,
    },
  };
}

/** Averages compared to 6 significant places (SQL sums vs JS sums in another order). */
function close<T>(value: T): T {
  if (typeof value === 'number' && !Number.isInteger(value)) return expect.closeTo(value, 6) as T;
  if (Array.isArray(value)) return value.map(close) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, close(v)])) as T;
  return value;
}

beforeAll(async () => {
  server = await startTestServer();
  data = generateReportData(server.store, {
    seed: 15,
    start: START,
    days: DAYS,
    groups: 2,
    agents: 5,
    conversationsPerDay: 60,
    messagesPerConversation: 4,
    keep: true,
  });
  // Two conversations on either side of a Shanghai midnight, 1 ms apart.
  const midnight = START + 2 * DAY;
  for (const [id, at] of [
    ['edge-before', midnight - 1],
    ['edge-after', midnight],
  ] as const) {
    const row: ConversationRow = {
      ...data.conversations[0]!,
      id,
      roomNo: id,
      createdAt: at,
      assignedAt: null,
      endedAt: null,
      state: 'queued',
      evaluationAt: null,
      evaluationRating: null,
      agentId: null,
      summaryTopicId: null,
      queueOrder: 1,
    };
    server.store.conversations.insert(row);
    data.conversations.push(row);
  }
  rebuildRollups(server.ctx);
});

afterAll(async () => {
  await server?.dispose();
});

describe('对话量 (volume) equals the raw rows summed independently', () => {
  it('totals, each day, each hour of the day, each group and each agent', () => {
    const report = computeReport(server.ctx, admin, 'volume', query());
    const from = START;
    const to = START + DAYS * DAY;
    const ours = data.conversations;
    expect(report.totals).toEqual(close(expectedVolume(ours, from, to)));
    expect(report.totals.offered).toBeGreaterThan(300);
    expect(report.byDay.map((d) => d.date)).toEqual(['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06']);
    for (const day of report.byDay) {
      const dayStart = START + (Number(day.date.slice(-2)) - 1) * DAY;
      const { date: _d, ...figures } = day;
      expect(figures).toEqual(close(expectedVolume(ours, dayStart, dayStart + DAY)));
    }
    for (const hour of report.byHour) {
      const { hour: h, ...figures } = hour;
      // One hour of the day over the range: keep each moment only when it falls in that hour.
      const atHour = (t: number | null) => (t !== null && hourOf(t) === h ? t : null);
      const shifted = ours.map((c) => ({ ...c, createdAt: atHour(c.createdAt) ?? -1, endedAt: atHour(c.endedAt) }));
      expect(figures).toEqual(close(expectedVolume(shifted as ConversationRow[], from, to)));
    }
    for (const group of report.byGroup) {
      const { groupId, groupName: _n, ...figures } = group;
      expect(figures).toEqual(
        close(
          expectedVolume(
            ours.filter((c) => c.groupId === groupId),
            from,
            to,
          ),
        ),
      );
    }
    for (const agent of report.byAgent) {
      const { agentId, agentName: _n, groupId: _g, ...figures } = agent;
      expect(figures).toEqual(
        close(
          expectedVolume(
            ours.filter((c) => c.agentId === agentId),
            from,
            to,
          ),
        ),
      );
    }
    expect(report.byAgent.map((a) => a.agentId).sort()).toEqual([...new Set(ours.filter((c) => c.agentId).map((c) => c.agentId!))].sort());
  });

  it('counts a conversation on the company day it began, however close to midnight', () => {
    const report = computeReport(server.ctx, admin, 'volume', query({ from: '2026-11-02', to: '2026-11-03' }));
    const before = data.conversations.filter((c) => dateOf(c.createdAt) === '2026-11-02').length;
    const after = data.conversations.filter((c) => dateOf(c.createdAt) === '2026-11-03').length;
    expect(report.byDay.map((d) => d.offered)).toEqual([before, after]);
    expect(dateOf(START + 2 * DAY - 1)).toBe('2026-11-02');
  });

  it('compares with the previous period of the same length, and an empty range is all zeros and nulls', () => {
    const report = computeReport(server.ctx, admin, 'volume', query({ from: '2026-11-04', to: '2026-11-06', compare: true }));
    expect(report.previousRange).toMatchObject({ from: '2026-11-01', to: '2026-11-03', days: 3 });
    expect(report.previousTotals).toEqual(close(expectedVolume(data.conversations, START, START + 3 * DAY)));
    const empty = computeReport(server.ctx, admin, 'volume', query({ from: '2025-01-01', to: '2025-01-02' }));
    expect(empty.totals).toMatchObject({ offered: 0, answerRate: null, waitAvgMs: null, waitP90Ms: null, messagesPerConversation: null });
    expect(empty.byDay).toHaveLength(2);
    expect(empty.byGroup).toEqual([]);
  });

  it('catches up with conversations written after the rollups were built', () => {
    const before = computeReport(server.ctx, admin, 'volume', query()).totals.offered;
    // A conversation through the domain writes its event; the next report catches up on it.
    const row: ConversationRow = {
      ...data.conversations[0]!,
      id: 'late-one',
      roomNo: 'late-one',
      createdAt: START + DAY + 5,
      state: 'queued',
      assignedAt: null,
      endedAt: null,
      agentId: null,
      evaluationAt: null,
      evaluationRating: null,
      queueOrder: 2,
    };
    server.store.transaction(() => {
      server.store.conversations.insert(row);
      server.store.events.append({ type: 'conversation.updated', conversation: { id: row.id } } as never, ['staff'], server.clock.now);
    });
    data.conversations.push(row);
    expect(computeReport(server.ctx, admin, 'volume', query()).totals.offered).toBe(before + 1);
  });
});

describe('the other reports equal the raw rows summed independently', () => {
  const inRange = (t: number | null): t is number => t !== null && t >= START && t < START + DAYS * DAY;

  it('满意度', () => {
    const report = computeReport(server.ctx, admin, 'satisfaction', query());
    const rated = data.conversations.filter((c) => inRange(c.evaluationAt) && c.evaluationRating !== null);
    const ratings = rated.map((c) => c.evaluationRating!);
    expect(report.totals).toEqual(
      close({
        rated: ratings.length,
        average: avg(ratings),
        distribution: [1, 2, 3, 4, 5].map((r) => ratings.filter((x) => x === r).length),
        satisfied: ratings.filter((r) => r >= 4).length,
        satisfiedRate: ratings.filter((r) => r >= 4).length / ratings.length,
      }),
    );
    for (const row of report.byAgent) expect(row.rated).toBe(rated.filter((c) => c.agentId === row.agentId).length);
    expect(report.comments.length).toBe(rated.filter((c) => c.evaluationComment).length);
  });

  it('留言, 通话, 对话主题 and 来源', () => {
    const offline = computeReport(server.ctx, admin, 'offline', query());
    const left = data.offline.filter((o) => inRange(o.createdAt));
    const replied = left.filter((o) => o.repliedAt !== null);
    expect(offline.totals).toEqual(
      close({
        received: left.length,
        replied: replied.length,
        replyRate: replied.length / left.length,
        replyAvgMs: avg(replied.map((o) => o.repliedAt! - o.createdAt)),
      }),
    );

    const calls = computeReport(server.ctx, admin, 'calls', query());
    const inbound = data.calls.filter((c) => c.direction === 'inbound' && inRange(c.startedAt));
    const talked = data.calls.filter((c) => inRange(c.startedAt) && c.answeredAt !== null);
    expect(calls.totals).toMatchObject({
      offered: inbound.length,
      answered: inbound.filter((c) => c.answeredAt !== null).length,
      missed: inbound.filter((c) => ['missed', 'rejected', 'busy'].includes(c.result)).length,
      abandoned: inbound.filter((c) => c.result === 'cancelled').length,
      talkMs: sum(talked.map((c) => c.durationSeconds * 1000)),
    });

    const topics = computeReport(server.ctx, admin, 'topics', query());
    const ended = data.conversations.filter((c) => c.state === 'ended' && inRange(c.endedAt));
    for (const topic of data.topics)
      expect(topics.topics.find((t) => t.topicId === topic.id)?.conversations).toBe(ended.filter((c) => c.summaryTopicId === topic.id).length);
    expect(topics.totals.conversations).toBe(ended.length);

    const sources = computeReport(server.ctx, admin, 'sources', query());
    const started = data.conversations.filter((c) => inRange(c.createdAt));
    const region = new Map(data.profiles.map((p) => [p.visitorId, p.region]));
    expect(sources.totals.conversations).toBe(started.length);
    for (const row of sources.region) expect(row.conversations).toBe(started.filter((c) => (region.get(c.visitorId) ?? '') === row.key).length);
  });

  it('来源: invitations sent and accepted per source row, and the traffic source opens its conversations', () => {
    const sources = computeReport(server.ctx, admin, 'sources', query());
    const profile = new Map(data.profiles.map((p) => [p.visitorId, p]));
    // The traffic source, written again here: the search engine, else the referrer's host, '' = 直接访问.
    const sourceOf = (visitorId: string): string => {
      const p = profile.get(visitorId);
      return p?.searchEngine || (p?.firstReferrer ? new URL(p.firstReferrer).host : '');
    };
    const sent = data.invitations.filter((i) => inRange(i.createdAt));
    const started = data.conversations.filter((c) => inRange(c.createdAt));
    const keysOf = { source: sourceOf, region: (v: string) => profile.get(v)?.region ?? '', landingPage: (v: string) => profile.get(v)?.landingPage ?? '' };
    for (const [dimension, keyOf] of Object.entries(keysOf) as [keyof typeof keysOf, (v: string) => string][]) {
      const expected = new Map<string, { conversations: number; invitationsSent: number; invitationsAccepted: number }>();
      const at = (key: string) =>
        expected.get(key) ?? (expected.set(key, { conversations: 0, invitationsSent: 0, invitationsAccepted: 0 }), expected.get(key)!);
      for (const c of started) at(keyOf(c.visitorId)).conversations++;
      for (const i of sent) {
        at(keyOf(i.visitorId)).invitationsSent++;
        if (i.state === 'accepted') at(keyOf(i.visitorId)).invitationsAccepted++;
      }
      expect(
        Object.fromEntries(
          sources[dimension].map(({ key, conversations, invitationsSent, invitationsAccepted }) => [
            key,
            { conversations, invitationsSent, invitationsAccepted },
          ]),
        ),
      ).toEqual(Object.fromEntries(expected));
    }
    expect(sum(sources.source.map((r) => r.invitationsSent))).toBe(sent.length);
    expect(sources.source.some((r) => r.invitationsAccepted > 0 && r.invitationsAccepted < r.invitationsSent)).toBe(true);

    // A leader: the invitations sent for their group only.
    const [mine] = data.groups;
    const leader: ConsoleActor = { id: 'leader-s', account: 'leader-s', role: 'leader', groupId: mine!.id };
    const ours = computeReport(server.ctx, leader, 'sources', query());
    expect(sum(ours.source.map((r) => r.invitationsSent))).toBe(sent.filter((i) => i.groupId === mine!.id).length);

    // Each traffic source (a search engine, a referrer's host, 直接访问) drills to its conversations.
    expect(sources.source.map((r) => r.key)).toEqual(expect.arrayContaining(['baidu', 'weibo.com', '']));
    for (const row of sources.source) {
      const page = drillReport(server.ctx, admin, { ...query(), measure: 'source', dimension: 'source', key: row.key!, page: 1, pageSize: 100 });
      expect(page.total).toBe(row.conversations);
      if (page.kind === 'conversations') for (const c of page.items) expect(sourceOf(c.visitorId)).toBe(row.key);
    }
  });

  it('人员考核: time per status from the activity log, 未响应 and talk time', () => {
    const report = computeReport(server.ctx, admin, 'agents', query());
    for (const agent of data.agents) {
      const row = report.rows.find((r) => r.agentId === agent.id)!;
      const facts = data.activity.filter((a) => a.agentId === agent.id && a.kind === 'status').sort((a, b) => a.at - b.at);
      const times = { online: 0, busy: 0, away: 0 };
      facts.forEach((f, i) => {
        const until = Math.min(facts[i + 1]?.at ?? Infinity, START + DAYS * DAY);
        const since = Math.max(f.at, START);
        if (f.status !== 'offline' && until > since) times[f.status as keyof typeof times] += until - since;
      });
      expect(row.statusMs).toEqual(times);
      expect(row.notResponding).toBe(facts.filter((f) => f.reason === 'not-responding' && inRange(f.at)).length);
      const mine = data.calls.filter((c) => c.agentId === agent.id && inRange(c.startedAt));
      expect(row.talkMs).toBe(sum(mine.filter((c) => c.answeredAt !== null).map((c) => c.durationSeconds * 1000)));
      expect(row.handled).toBe(data.conversations.filter((c) => c.agentId === agent.id && c.state === 'ended' && inRange(c.endedAt)).length);
    }
  });
});

describe('who may read what', () => {
  it("a group leader reads their own group's figures and is refused another group's", async () => {
    const [mine, other] = data.groups;
    const leader: ConsoleActor = { id: 'leader-x', account: 'leader-x', role: 'leader', groupId: mine!.id };
    const report = computeReport(server.ctx, leader, 'volume', query());
    expect(report.totals).toEqual(
      close(
        expectedVolume(
          data.conversations.filter((c) => c.groupId === mine!.id),
          START,
          START + DAYS * DAY,
        ),
      ),
    );
    expect(report.byGroup.map((g) => g.groupId)).toEqual([mine!.id]);
    expect(() => computeReport(server.ctx, leader, 'volume', query({ groupId: other!.id }))).toThrow(/own group/);
    const stranger = data.agents.find((a) => a.groupId === other!.id)!;
    expect(() => computeReport(server.ctx, leader, 'agents', query({ agentId: stranger.id }))).toThrow(/own group/);
    const agents = computeReport(server.ctx, leader, 'agents', query());
    expect(agents.rows.every((r) => r.groupId === mine!.id)).toBe(true);
  });

  it('refuses bad queries with a 4xx and a code', async () => {
    const { token } = await loginAs(server.url, 'admin', 'admin123');
    const get = (qs: string) =>
      call<{ error: { code: string; details?: Record<string, string> } }>(server.url, 'GET', `/api/admin/reports/volume?${qs}`, { token });
    const backwards = await get('from=2026-11-05&to=2026-11-01');
    expect([backwards.status, backwards.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(backwards.body.error.details).toHaveProperty(['query.from']);
    const tooLong = await get('from=2024-01-01&to=2026-01-01');
    expect([tooLong.status, tooLong.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await get('from=2026-02-30&to=2026-03-01')).status).toBe(400);
    expect((await get('from=2026-11-01&to=2026-11-02&extra=1')).status).toBe(400);
    const unknown = await get('from=2026-11-01&to=2026-11-02&groupId=no-such-group');
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'NOT_FOUND']);
    const ok = await call<{ totals: { offered: number } }>(server.url, 'GET', `/api/admin/reports/volume?from=2026-11-01&to=2026-11-06`, { token });
    expect(ok.status).toBe(200);
    const drill = await call<{ kind: string; total: number }>(server.url, 'GET', `/api/admin/reports/drill?from=2026-11-01&to=2026-11-06&measure=abandoned`, {
      token,
    });
    expect(drill.body).toMatchObject({ kind: 'conversations' });
    expect(drill.body.total).toBe(computeReport(server.ctx, admin, 'volume', query()).totals.abandoned);
    const file = await fetch(`${server.url}/api/admin/reports/volume/export?from=2026-11-01&to=2026-11-06&format=csv`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(file.status).toBe(200);
    expect(await file.text()).toContain('进线量');
  });
});
