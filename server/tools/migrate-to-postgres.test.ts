/**
 * kefu-migrate end to end: a SQLite installation with a row in every table, made through the real
 * server's REST API, copied into a fresh PostgreSQL database and compared table by table and file
 * by file; then a server started on the copy serves it (same logins, same messages, new events
 * after the copied seqs). Also the refusals: a database already in use, a folder without kefu.db,
 * bad arguments.
 */
import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7, type Attachment, type LoginResponse, type Message, type ServerFrame } from '../../shared/index.js';
import type { FilePhrase } from '../../shared/file-phrases.js';
import type { KnowledgeEntry } from '../../shared/knowledge.js';
import type { Wallboard } from '../../shared/protocol/rest-monitor.js';
import { openPgConnection } from '../store/postgres/pg-db.js';
import { sampleCallRecord } from '../testing/call-record.js';
import { startPostgres, type PostgresServer } from '../testing/engines/postgres.js';
import { call, loginAs, newVisitor, RealtimeClient, startTestServer } from '../testing/harness.js';
import { browse } from '../testing/browsing.js';
import { createScene, goLive, sendText, visitorChat, type VisitorChat } from '../testing/scene.js';
import { testStore } from '../testing/test-store.js';
import { copySqliteToPostgres, MigrateRefusal, type CopyProgress, type CopyResult } from './migrate-to-postgres.js';
import { main } from './kefu-migrate.js';
import { waitFor } from '../testing/engines/wait-for.js';

const SLOW = { timeout: 180_000 };
/** Which agents are connected to which node, and the nodes' heartbeats: emptied by a clean stop. */
const RUNTIME_TABLES = ['agent_presence', 'server_nodes'];
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3000, 0x41), Buffer.from([0, 1, 2, 255, 254, 0x5c, 0x27, 0x22])]);
const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const CLI = join(process.cwd(), 'server', 'tools', 'kefu-migrate.ts');

type Row = Record<string, unknown>;

/** What the source installation produced, for the checks on the copy. */
interface Installation {
  dataDir: string;
  /** The closed conversation (summary, evaluation, files) and the one still open. */
  closed: VisitorChat;
  open: VisitorChat;
  agent1Token: string;
  /** Every message of both conversations as the source server served them to the admin. */
  messages: Map<string, Message[]>;
  attachmentId: string;
}

/** Drives the real server on SQLite until every table holds a row; returns what the checks need. */
async function produceInstallation(dataDir: string): Promise<Installation> {
  const scene = await createScene({ dataDir });
  const url = scene.server.url;
  const { admin, agent1, agent2 } = scene;
  const ok = async <T>(what: string, pending: Promise<{ status: number; body: T }>): Promise<T> => {
    const res = await pending;
    if (res.status !== 200) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  try {
    // Company settings, topics, agents, wrap-up codes, auto-replies, SIP.
    await ok('settings', call(url, 'PATCH', '/api/admin/settings', { token: admin.token, body: { autoCloseMinutes: 45, queueTimeoutSeconds: 90 } }));
    const topic = await ok('topic', call<{ id: string }>(url, 'POST', '/api/admin/topics', { token: admin.token, body: { name: '退换货 "特殊" \\ 话题' } }));
    await ok(
      'agent',
      call(url, 'POST', '/api/admin/agents', { token: admin.token, body: { account: 'wangfang88', password: 'Kefu-2026!', nickname: '王芳' } }),
    );
    await ok('wrap-up code', call(url, 'POST', '/api/admin/wrap-up-codes', { token: admin.token, body: { name: '转技术' } }));
    await ok('tag category', call(url, 'POST', '/api/admin/tag-categories', { token: admin.token, body: { name: '客户等级', tags: ['VIP', '普通'] } }));
    // The console's blacklist and a notice (with its recipients).
    await ok(
      'blacklist',
      call(url, 'POST', '/api/admin/blacklist', { token: admin.token, body: { kind: 'ip', value: '203.0.113.0/24', reason: '刷单', expiresAt: null } }),
    );
    await ok(
      'notice',
      call(url, 'POST', '/api/admin/notices', { token: admin.token, body: { groupId: null, title: '系统维护', body: '今晚 22:00 维护 "半小时"' } }),
    );
    await ok(
      'company auto-reply',
      call(url, 'PUT', '/api/admin/auto-reply', {
        token: admin.token,
        body: { greetingEnabled: true, greeting: '您好{访客昵称}，我是{客服昵称} 😀', busyEnabled: true, busyReply: '稍候片刻', notRespondingSeconds: 0 },
      }),
    );
    await ok(
      'own auto-reply',
      call(url, 'PUT', '/api/me/auto-reply', {
        token: agent2.token,
        body: { autoReply: { greetingEnabled: false, greeting: '', busyEnabled: true, busyReply: '我是{客服昵称}，稍后回复' } },
      }),
    );
    await ok(
      'sip',
      call(url, 'PUT', `/api/admin/agents/${agent1.agentId}/sip`, {
        token: admin.token,
        body: {
          enabled: true,
          wsServer: 'wss://pbx.kefu.test:8089/ws',
          uri: 'sip:1001@kefu.test',
          authUser: '1001',
          password: 'pw-Geheim-1001',
          displayName: '小王',
          iceServers: [{ urls: 'stun:127.0.0.1:3478' }],
        },
      }),
    );

    // Phrases, canned files, knowledge.
    const category = await ok(
      'phrase category',
      call<{ id: string }>(url, 'POST', '/api/phrase-categories', { token: agent1.token, body: { scope: 'personal', name: '我的' } }),
    );
    await ok(
      'phrase',
      call(url, 'POST', '/api/phrases', {
        token: agent1.token,
        body: { scope: 'personal', categoryId: category.id, title: '退货', content: "七天无理由 'ok'", shortcut: 'th7' },
      }),
    );
    await ok(
      'public phrase',
      call(url, 'POST', '/api/phrases', {
        token: admin.token,
        body: { scope: 'public', categoryId: 'pc-links', kind: 'link', title: '官网', content: 'https://example.cn/' },
      }),
    );
    const canned = await ok(
      'file phrase',
      call<FilePhrase>(url, 'POST', `/api/file-phrases?${new URLSearchParams({ scope: 'public', name: '价格表.pdf', categoryId: 'pc-files' }).toString()}`, {
        token: admin.token,
        raw: PDF,
        contentType: 'application/octet-stream',
      }),
    );
    const kCategory = await ok(
      'knowledge category',
      call<{ id: string }>(url, 'POST', '/api/admin/knowledge/categories', { token: admin.token, body: { name: '售后' } }),
    );
    await ok(
      'knowledge entry',
      call(url, 'POST', '/api/admin/knowledge/entries', {
        token: admin.token,
        body: { question: '退货流程是什么？', categoryId: kCategory.id, keywords: ['退货', '退款'], answer: '<p>七天内可<b>无理由退货</b>。</p>' },
      }),
    );
    const gone = await ok(
      'knowledge entry 2',
      call<KnowledgeEntry>(url, 'POST', '/api/admin/knowledge/entries', { token: admin.token, body: { question: '旧问题', answer: '旧答案' } }),
    );
    await ok('knowledge delete', call(url, 'DELETE', `/api/admin/knowledge/entries/${gone.id}`, { token: admin.token }));
    // A skill group's own content (migration 022: group_id on phrases, files, categories, knowledge).
    const contentGroup = await ok('content group', call<{ id: string }>(url, 'POST', '/api/admin/groups', { token: admin.token, body: { name: '售前组' } }));
    const groupCategory = await ok(
      'group phrase category',
      call<{ id: string }>(url, 'POST', '/api/phrase-categories', { token: admin.token, body: { scope: 'group', groupId: contentGroup.id, name: '售前话术' } }),
    );
    await ok(
      'group phrase',
      call(url, 'POST', '/api/phrases', {
        token: admin.token,
        body: { scope: 'group', groupId: contentGroup.id, categoryId: groupCategory.id, title: '活动', content: '本周满减' },
      }),
    );
    const groupKCategory = await ok(
      'group knowledge category',
      call<{ id: string }>(url, 'POST', '/api/admin/knowledge/categories', { token: admin.token, body: { groupId: contentGroup.id, name: '售前知识' } }),
    );
    await ok(
      'group knowledge entry',
      call(url, 'POST', '/api/admin/knowledge/entries', {
        token: admin.token,
        body: { groupId: contentGroup.id, categoryId: groupKCategory.id, question: '满减怎么算？', answer: '满 300 减 50' },
      }),
    );

    // Phone: a customer and a call with a wrap-up code.
    const customer = await ok(
      'customer',
      call<{ id: string }>(url, 'POST', '/api/customers', { token: agent1.token, body: { name: '李雷', phone: '13900001111', note: '老客户' } }),
    );
    await ok(
      'call',
      call(url, 'POST', '/api/calls', {
        token: agent1.token,
        body: sampleCallRecord(scene.server.clock.now - 3_600_000, {
          remoteNumber: '13900001111',
          wrapUpCodeId: 'wrap-callback',
          customerId: customer.id,
          note: '明天回电',
        }),
      }),
    );

    // A chat: greeting (auto-reply), trail, profile, texts, a styled text, an image, a canned file, evaluation, summary.
    await goLive(scene, agent1, 'online');
    // 实时监控: the softphone's state (phone_activity).
    agent1.ws!.send({ type: 'phone.status', status: 'idle' });
    await waitFor('the phone status on the wallboard', async () => {
      const boards = await ok('wallboard', call<Wallboard[]>(url, 'GET', '/api/admin/monitor/wallboard', { token: admin.token }));
      return boards.find((b) => b.groupId === null)?.agents.some((a) => a.phone === 'idle') ? true : undefined;
    });
    const closed = await visitorChat(scene, { name: '张三' });
    scene.server.flushAutoReply();
    await waitFor('the auto-reply greeting', async () => {
      const list = await ok('messages', call<Message[]>(url, 'GET', `/api/conversations/${closed.conversationId}/messages`, { token: closed.token }));
      return list.some((m) => m.clientId.startsWith('auto-')) ? true : undefined;
    });
    const view = await ok(
      'page view',
      call<{ id: string }>(url, 'POST', '/api/visitor/page-views', {
        token: closed.token,
        body: { url: 'https://shop.example.cn/a?utm_source=baidu&utm_campaign=sale', title: '页面A', referrer: 'https://www.baidu.com/s?wd=退货' },
        headers: { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36' },
      }),
    );
    scene.server.clock.advance(42_000);
    await ok('leave page', call(url, 'POST', `/api/visitor/page-views/${view.id}/leave`, { token: closed.token }));
    await ok(
      'profile',
      call(url, 'PATCH', `/api/visitors/${closed.visitorId}/profile`, { token: agent1.token, body: { tags: ['VIP', '回头客'], phone: '139-0000-1111' } }),
    );
    await ok('visitor text', sendText(scene, closed.token, closed.conversationId, '你好，我想退货 🙂 "quoted" \\ back\nslash'));
    await ok(
      'styled text',
      call(url, 'POST', `/api/conversations/${closed.conversationId}/messages`, {
        token: agent1.token,
        body: {
          clientId: uuidv7(),
          kind: 'text',
          text: '好的，请提供订单号',
          style: { fontFace: 'SimSun', fontSize: 16, bold: true, italic: false, underline: true, color: '#cc0000' },
        },
      }),
    );
    // 对话监控 while it is active: a whisper (悄悄话) to the agent and a review mark.
    const supervised = `/api/admin/supervision/conversations/${closed.conversationId}`;
    await ok('whisper', call(url, 'POST', `${supervised}/whispers`, { token: admin.token, body: { clientId: uuidv7(), text: '注意核对 "订单号"' } }));
    await ok('review mark', call(url, 'PUT', `${supervised}/review`, { token: admin.token, body: { note: '退货流程复核' } }));
    // 访客监控 / 主动邀请: an automatic rule, and an agent's invitation to a browsing visitor (declined).
    await ok(
      'invitation rule',
      call(url, 'POST', '/api/admin/invitation-rules', {
        token: admin.token,
        body: {
          name: '价格页',
          enabled: true,
          urlPattern: '/pricing*',
          dwellSeconds: 30,
          source: 'search',
          sourcePattern: '百度',
          returningOnly: true,
          groupId: null,
          text: '需要帮忙吗？',
          perVisitorPerDay: 1,
          perDay: 50,
        },
      }),
    );
    const browser = await newVisitor(url);
    const browsing = await browse(url, browser.token, 'https://shop.example.cn/pricing');
    await waitFor('the visitor on the site', async () =>
      (await call<unknown[]>(url, 'GET', '/api/site-visitors', { token: agent1.token })).body.length > 0 ? true : undefined,
    );
    const invitation = await ok(
      'invite',
      call<{ id: string }>(url, 'POST', `/api/site-visitors/${browser.visitorId}/invitations`, {
        token: agent1.token,
        body: { clientId: uuidv7(), text: '您好 "欢迎"' },
      }),
    );
    await ok('decline', call(url, 'POST', `/api/visitor/invitations/${invitation.id}/decline`, { token: browser.token }));
    await browsing.socket.close();
    await ok(
      'widget settings',
      call(url, 'PATCH', '/api/admin/widget-settings', { token: admin.token, body: { title: '在线客服 "小K"', themeColor: '#0f6e5b' } }),
    );
    const image = await ok(
      'upload',
      call<Attachment>(url, 'POST', `/api/uploads?conversationId=${closed.conversationId}&name=${encodeURIComponent('订单截图.png')}`, {
        token: closed.token,
        raw: PNG,
        contentType: 'image/png',
      }),
    );
    await ok(
      'image message',
      call(url, 'POST', `/api/conversations/${closed.conversationId}/messages`, {
        token: closed.token,
        body: { clientId: uuidv7(), kind: 'image', attachmentId: image.id },
      }),
    );
    const attached = await ok(
      'attach canned file',
      call<Attachment>(url, 'POST', `/api/file-phrases/${canned.id}/attach`, { token: agent1.token, body: { conversationId: closed.conversationId } }),
    );
    await ok(
      'file message',
      call(url, 'POST', `/api/conversations/${closed.conversationId}/messages`, {
        token: agent1.token,
        body: { clientId: uuidv7(), kind: 'file', attachmentId: attached.id },
      }),
    );
    await ok('push evaluation', call(url, 'POST', `/api/conversations/${closed.conversationId}/push-evaluation`, { token: agent1.token }));
    await ok('evaluate', call(url, 'POST', '/api/visitor/evaluation', { token: closed.token, body: { rating: 5, comment: '很满意' } }));
    await ok(
      'close',
      call(url, 'POST', `/api/conversations/${closed.conversationId}/close`, { token: agent1.token, body: { topicId: topic.id, note: '已退货' } }),
    );
    // 报表: the first report builds the rollups (every hour with facts, whatever its range) and their watermark.
    await ok('report rollups', call(url, 'GET', '/api/admin/reports/volume?from=2020-01-01&to=2020-01-01', { token: admin.token }));

    // A conversation left open, for the server on the copy to continue.
    const open = await visitorChat(scene, { name: '李四' });
    await ok('open text', sendText(scene, open.token, open.conversationId, '还在吗'));
    await ok('open reply', sendText(scene, agent1.token, open.conversationId, '在的'));

    // 留言 and its reply; a refreshed login (spent refresh token); a failed login (login guard).
    const leaver = await visitorChat(scene, { name: '王五' });
    const left = await ok(
      'offline message',
      call<{ id: string }>(url, 'POST', '/api/visitor/offline-messages', {
        token: leaver.token,
        body: { name: '王五', contact: 'wang5@example.cn', text: '请回电' },
      }),
    );
    await ok('offline reply', call(url, 'POST', `/api/offline-messages/${left.id}/reply`, { token: agent1.token, body: { text: '已回电' } }));
    const pair = await ok('login', call<LoginResponse>(url, 'POST', '/api/auth/login', { body: { account: 'agent2', password: 'agent123' } }));
    await ok('refresh', call(url, 'POST', '/api/auth/refresh', { body: { refreshToken: pair.refreshToken } }));
    expect((await call(url, 'POST', '/api/auth/login', { body: { account: 'nobody', password: 'wrong-password' } })).status).toBe(401);

    const messages = new Map<string, Message[]>();
    for (const chat of [closed, open, leaver]) {
      messages.set(
        chat.conversationId,
        await ok('list', call<Message[]>(url, 'GET', `/api/conversations/${chat.conversationId}/messages`, { token: admin.token })),
      );
    }
    return { dataDir, closed, open, agent1Token: agent1.token, messages, attachmentId: image.id };
  } finally {
    await scene.dispose();
  }
}

/** Every table of the SQLite file (the copy's source list) with its rows. */
function sqliteTables(dataDir: string): Map<string, Row[]> {
  const db = new Database(join(dataDir, 'kefu.db'), { readonly: true, fileMustExist: true });
  try {
    const names = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    return new Map(names.map((name) => [name, db.prepare(`SELECT * FROM "${name}"`).all() as Row[]]));
  } finally {
    db.close();
  }
}

const sortedJson = (rows: Row[]): string[] => rows.map((r) => JSON.stringify(r)).sort();

/** A digest of every row of every table of a PostgreSQL database: "nothing changed" checks. */
function pgFingerprint(url: string): string {
  const db = openPgConnection(url);
  try {
    const tables = (
      db
        .prepare("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")
        .all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    const hash = createHash('sha256');
    for (const table of tables) hash.update(table).update(JSON.stringify(db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).all()));
    const sequences = db.prepare('SELECT sequencename, last_value FROM pg_sequences ORDER BY 1').all();
    return hash.update(JSON.stringify(sequences)).digest('hex');
  } finally {
    db.close();
  }
}

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(TSX, [CLI, ...args], { timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

// The test drives a SQLite server and starts its own PostgreSQL: it belongs to the 'node' project only.
describe.skipIf(testStore === 'postgres')('kefu-migrate: SQLite installation → PostgreSQL', () => {
  let postgres: PostgresServer;
  let installation: Installation;
  let source: Map<string, Row[]>;
  const cleanup: string[] = [];

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kefu-migrate-src-'));
    cleanup.push(dataDir);
    // PostgreSQL starts while the SQLite installation is made.
    const [pgServer, made] = await Promise.all([
      startPostgres({ settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } }),
      produceInstallation(dataDir),
    ]);
    postgres = pgServer;
    installation = made;
    source = sqliteTables(dataDir);
  }, SLOW.timeout);

  afterAll(async () => {
    await postgres?.stop();
    for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
  }, SLOW.timeout);

  it('the SQLite installation holds a row in every table', SLOW, () => {
    expect(source.size).toBeGreaterThan(20);
    // Who is connected where is runtime state a clean stop clears (a crashed node's rows are copied and closed by the next start).
    expect(RUNTIME_TABLES.map((name) => source.get(name)?.length)).toEqual(RUNTIME_TABLES.map(() => 0));
    const empty = [...source].filter(([name, rows]) => rows.length === 0 && !RUNTIME_TABLES.includes(name)).map(([name]) => name);
    expect(empty, `tables without rows: ${empty.join(', ')}`).toEqual([]);
  });

  it('copies every row and every attachment exactly; a server on the copy works', SLOW, async () => {
    const databaseUrl = await postgres.createDatabase('kefu_migrate');
    const progress: CopyProgress[] = [];
    // Small batches, so a table of several batches is exercised too.
    const result: CopyResult = await copySqliteToPostgres({ dataDir: installation.dataDir, databaseUrl, onProgress: (p) => progress.push(p), batchRows: 3 });

    // The report: every table, its SQLite row count; progress per table ending in `done`.
    expect(new Map(result.tables.map((t) => [t.table, t.rows]))).toEqual(new Map([...source].map(([name, rows]) => [name, rows.length])));
    for (const [name, rows] of source)
      expect(progress.filter((p) => p.table === name && p.done)).toEqual([{ table: name, rows: rows.length, total: rows.length, done: true }]);
    expect(progress.some((p) => !p.done)).toBe(true);
    expect(result.replacedDefaults.map((r) => r.table).sort()).toEqual(['company_auto_reply', 'phrase_categories', 'phrases', 'wrap_up_codes']);
    expect(result.missingFiles).toEqual([]);
    expect(result.skippedFiles).toEqual([]);

    const pg = openPgConnection(databaseUrl);
    try {
      // Table by table, row by row. PostgreSQL's mirrored rowid (which the executor strips from `*`) holds SQLite's rowid.
      const pgRowid = new Set(
        (
          pg.prepare("SELECT table_name AS t FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'rowid'").all() as { t: string }[]
        ).map((r) => r.t),
      );
      expect([...pgRowid]).toEqual(expect.arrayContaining(['conversations', 'sessions', 'offline_messages', 'login_guard', 'audit_log']));
      const sqlite = new Database(join(installation.dataDir, 'kefu.db'), { readonly: true });
      try {
        // New rows continue after the copied rowids, as they would in SQLite.
        for (const table of pgRowid) {
          const max = sqlite.prepare(`SELECT MAX(rowid) FROM "${table}"`).pluck().get() as number;
          expect(result.sequences).toContainEqual({ table, column: 'rowid', value: max });
        }
        for (const [table, rows] of source) {
          const copied = pg.prepare(`SELECT * FROM "${table}"`).all() as Row[];
          expect(sortedJson(copied), table).toEqual(sortedJson(rows));
          if (pgRowid.has(table)) {
            const inOrder = pg.prepare(`SELECT rowid AS "rowid_", * FROM "${table}" ORDER BY rowid`).all();
            expect(inOrder, `${table} with its rowid`).toEqual(sqlite.prepare(`SELECT rowid AS "rowid_", * FROM "${table}" ORDER BY rowid`).all());
          }
        }
      } finally {
        sqlite.close();
      }

      // Attachments: every file, byte for byte.
      const dir = join(installation.dataDir, 'attachments');
      const files = readdirSync(dir);
      expect(files.length).toBeGreaterThanOrEqual(3);
      const blobs = pg.prepare('SELECT id, bytes FROM attachment_blobs').all() as { id: string; bytes: Buffer }[];
      expect(blobs.map((b) => b.id).sort()).toEqual([...files].sort());
      for (const blob of blobs) expect(blob.bytes.equals(readFileSync(join(dir, blob.id))), blob.id).toBe(true);
      expect(result.attachments).toEqual({ files: files.length, bytes: files.reduce((sum, f) => sum + readFileSync(join(dir, f)).length, 0) });
    } finally {
      pg.close();
    }
    const maxCopiedSeq = Math.max(...source.get('events')!.map((e) => e.seq as number));
    expect(result.sequences).toContainEqual({ table: 'events', column: 'seq', value: maxCopiedSeq });

    // A server on the copy: no seeding, the SQLite passwords and tokens work, the messages are there.
    const dataDir = mkdtempSync(join(tmpdir(), 'kefu-migrate-pg-'));
    cleanup.push(dataDir);
    const server = await startTestServer({ dataDir, databaseUrl });
    const clients: RealtimeClient[] = [];
    try {
      expect(server.seeded).toBe(false);
      const admin = await loginAs(server.url, 'admin', 'admin123');
      expect((await call(server.url, 'GET', '/api/me', { token: installation.agent1Token })).status).toBe(200);
      for (const [conversationId, messages] of installation.messages) {
        const read = await call<Message[]>(server.url, 'GET', `/api/conversations/${conversationId}/messages`, { token: admin.token });
        expect(read.status).toBe(200);
        expect(read.body, conversationId).toEqual(messages);
      }
      const download = await fetch(`${server.url}/api/attachments/${installation.attachmentId}?token=${installation.closed.token}`);
      expect(download.status).toBe(200);
      expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);

      // The open conversation goes on: the visitor's old token, the next message seq, an event seq after every copied one.
      const watcher = await RealtimeClient.connect(server.url, admin.token, maxCopiedSeq);
      clients.push(watcher);
      const lastSeq = Math.max(...installation.messages.get(installation.open.conversationId)!.map((m) => m.seq));
      const sent = await call<Message>(server.url, 'POST', `/api/conversations/${installation.open.conversationId}/messages`, {
        token: installation.open.token,
        body: { clientId: uuidv7(), kind: 'text', text: '迁移后的新消息' },
      });
      expect(sent.status).toBe(200);
      expect(sent.body.seq).toBe(lastSeq + 1);
      const frame = await watcher.waitFor<Extract<ServerFrame, { type: 'event' }>>(
        (f) => f.type === 'event' && f.event.type === 'message.created' && f.event.message.id === sent.body.id,
      );
      expect(frame.seq).toBeGreaterThan(maxCopiedSeq);
    } finally {
      await Promise.all(clients.map((c) => c.close()));
      await server.dispose();
      await postgres.dropDatabase(databaseUrl);
    }
  });

  it('refuses a database that already holds an installation, and changes nothing', SLOW, async () => {
    const databaseUrl = await postgres.createDatabase('kefu_migrate_busy');
    const scene = await createScene({ databaseUrl });
    try {
      await goLive(scene, scene.agent1, 'online');
      await visitorChat(scene);
    } finally {
      await scene.dispose();
    }
    const before = pgFingerprint(databaseUrl);
    const refused = copySqliteToPostgres({ dataDir: installation.dataDir, databaseUrl });
    await expect(refused).rejects.toBeInstanceOf(MigrateRefusal);
    await expect(refused).rejects.toThrow(/already holds data \(.*agents: 3 rows.*conversations: 1 rows/);
    expect(pgFingerprint(databaseUrl)).toBe(before);

    // The same through the command line: exit code 2 and the reason.
    const cli = await runCli(['--data', installation.dataDir, '--to', databaseUrl]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/Refused: .*already holds data/);
    expect(pgFingerprint(databaseUrl)).toBe(before);
    await postgres.dropDatabase(databaseUrl);
  });

  it('is all or nothing: a value PostgreSQL cannot store rolls the whole copy back', SLOW, async () => {
    const broken = mkdtempSync(join(tmpdir(), 'kefu-migrate-broken-'));
    cleanup.push(broken);
    cpSync(installation.dataDir, broken, { recursive: true });
    const db = new Database(join(broken, 'kefu.db'));
    // messages come late in the copy order: many tables are written before this row fails.
    db.prepare("UPDATE messages SET text = 'a' || char(0) || 'b' WHERE rowid = (SELECT MAX(rowid) FROM messages)").run();
    db.close();
    const databaseUrl = await postgres.createDatabase('kefu_migrate_broken');
    const failed = copySqliteToPostgres({ dataDir: broken, databaseUrl });
    await expect(failed).rejects.toThrow(/messages\.text \(row rowid \d+\) holds a NUL character/);
    await expect(failed).rejects.not.toBeInstanceOf(MigrateRefusal);
    const pg = openPgConnection(databaseUrl);
    try {
      const count = (table: string) => (pg.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
      for (const table of source.keys())
        expect([table, count(table)]).toEqual([
          table,
          ['wrap_up_codes', 'phrases', 'phrase_categories', 'company_auto_reply'].includes(table) ? expect.any(Number) : 0,
        ]);
      // The schema's defaults are still the defaults.
      expect(pg.prepare('SELECT id FROM wrap_up_codes ORDER BY created_at').all()).toEqual(
        ['wrap-consulted', 'wrap-callback', 'wrap-complaint', 'wrap-other'].map((id) => ({ id })),
      );
      expect(count('attachment_blobs')).toBe(0);
    } finally {
      pg.close();
    }
    await postgres.dropDatabase(databaseUrl);
  });

  it('refuses a folder without kefu.db before touching PostgreSQL', SLOW, async () => {
    const databaseUrl = await postgres.createDatabase('kefu_migrate_none');
    const empty = mkdtempSync(join(tmpdir(), 'kefu-migrate-empty-'));
    cleanup.push(empty);
    await expect(copySqliteToPostgres({ dataDir: empty, databaseUrl })).rejects.toThrow(`No SQLite database at ${join(empty, 'kefu.db')}`);
    const pg = openPgConnection(databaseUrl);
    try {
      expect(pg.prepare("SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = 'public'").get()).toEqual({ n: 0 });
    } finally {
      pg.close();
    }
    await postgres.dropDatabase(databaseUrl);
  });

  it('checks its arguments: usage, missing or bad ones exit with 2', SLOW, async () => {
    const run = async (args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(
        args,
        (l) => out.push(l),
        (l) => err.push(l),
      );
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    expect(await run(['--help'])).toMatchObject({ code: 0, out: expect.stringContaining('--data DIR') });
    expect(await run([])).toMatchObject({ code: 2, err: expect.stringContaining('Missing --data DIR and --to URL') });
    expect(await run(['--data', installation.dataDir])).toMatchObject({ code: 2, err: expect.stringContaining('Missing --to URL') });
    expect(await run(['--data', installation.dataDir, '--to', 'mysql://u:secret@h/db'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/postgres:\/\/ or postgresql:\/\/ URL, not mysql:\/\/u:\*\*\*@h\/db/),
    });
    expect(await run(['--data', installation.dataDir, '--to', 'postgres://x/db', '--bogus'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--bogus'),
    });
    expect(await run(['--data', join(installation.dataDir, 'nope'), '--to', 'postgres://127.0.0.1:1/db'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('No SQLite database at'),
    });
    // A copy through the command line's code: progress per table, then the summary.
    const databaseUrl = await postgres.createDatabase('kefu_migrate_cli');
    const copied = await run(['--data', installation.dataDir, '--to', databaseUrl]);
    expect(copied.code, copied.err).toBe(0);
    expect(copied.err).toContain(`  messages: ${source.get('messages')!.length} rows`);
    expect(copied.out).toMatch(new RegExp(`\\n  messages +${source.get('messages')!.length} rows\\n`));
    expect(copied.out).toMatch(/attachment files +\d+ files, [\d.]+ KiB \(\d+ bytes\)/);
    expect(copied.out).toContain('Sequence of events.seq continues after');
    await postgres.dropDatabase(databaseUrl);

    // The real entry point, as npm run migrate:postgres runs it.
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: npm run migrate:postgres');
    expect((await runCli(['--to', 'postgres://x/db'])).code).toBe(2);
  });
});
