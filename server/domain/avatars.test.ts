/**
 * 头像 through the routes: a picture is checked by its bytes and size, stored with the attachment
 * bytes, served to anyone only while an agent has it, replaced and removed (its bytes going too),
 * and a group leader reaches the agents of their own group only.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AVATAR_LIMITS } from '../../shared/avatars.js';
import { avatarPath } from '../../shared/protocol/rest-avatars.js';
import type { AdminGroup, Agent, Attachment, AuditPage } from '../../shared/index.js';
import { call, loginAs } from '../testing/harness.js';
import { goLive, createScene, dbFingerprint, visitorChat, type Scene } from '../testing/scene.js';
import { withSeparateConnection } from '../testing/separate-connection.js';

type ErrorBody = { error: { code: string; details?: Record<string, string> } };
const PASSWORD = 'Touxiang-2026';
/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
/** The start of a JPEG (JFIF), which is what its type is told by. */
const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.alloc(64, 7), Buffer.from('ffd9', 'hex')]);

describe('agent avatars', () => {
  let scene: Scene;
  let groupA: AdminGroup;
  let inA: Agent;
  let inB: Agent;
  let leaderToken: string;
  const api = <T>(method: string, path: string, token?: string, body?: unknown) => call<T>(scene.server.url, method, path, { token, body });
  const setAvatar = (token: string, agentId: string, bytes: Buffer) =>
    api<Agent & ErrorBody>('PUT', `/api/admin/agents/${agentId}/avatar`, token, { dataBase64: bytes.toString('base64') });
  /** Whether the store still holds these bytes: a file beside SQLite's database, a row of attachment_blobs on PostgreSQL. */
  const stored = (id: string): boolean =>
    scene.server.databaseUrl
      ? withSeparateConnection(scene.server, (db) => db.prepare('SELECT id FROM attachment_blobs WHERE id = ?').get(id) !== undefined)
      : existsSync(join(scene.server.dataDir, 'attachments', id));

  beforeAll(async () => {
    scene = await createScene();
    const admin = scene.admin.token;
    groupA = (await api<AdminGroup>('POST', '/api/admin/groups', admin, { name: '售前组' })).body;
    const groupB = (await api<AdminGroup>('POST', '/api/admin/groups', admin, { name: '售后组' })).body;
    const create = async (account: string, groupId: string, role: string) =>
      (await api<Agent>('POST', '/api/admin/agents', admin, { account, password: PASSWORD, nickname: account, groupId, role })).body;
    await create('leader.a', groupA.id, 'leader');
    inA = await create('agent.a', groupA.id, 'agent');
    inB = await create('agent.b', groupB.id, 'agent');
    leaderToken = (await loginAs(scene.server.url, 'leader.a', PASSWORD)).token;
    // An account made in the console chooses its own password first.
    await api('PUT', '/api/me/password', leaderToken, { currentPassword: PASSWORD, newPassword: `${PASSWORD}!` });
  });
  afterAll(() => scene.dispose());

  it('an admin sets a PNG, anyone loads it by its address, a JPEG replaces it and the old picture is gone', async () => {
    const set = await setAvatar(scene.admin.token, scene.agent1.agentId, PNG);
    expect(set.status).toBe(200);
    const first = set.body.avatarId!;
    expect(first).toEqual(expect.any(String));
    expect(stored(first)).toBe(true);

    // No token: the visitor widget shows it.
    const picture = await fetch(scene.server.url + avatarPath(first));
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toBe('image/png');
    expect(picture.headers.get('x-content-type-options')).toBe('nosniff');
    expect(picture.headers.get('cache-control')).toContain('immutable');
    expect(Buffer.from(await picture.arrayBuffer()).equals(PNG)).toBe(true);
    // The workstation's agent list and the console's list both carry it.
    const listed = await api<Agent[]>('GET', '/api/agents', scene.agent2.token);
    expect(listed.body.find((a) => a.id === scene.agent1.agentId)?.avatarId).toBe(first);
    const console = await api<Agent[]>('GET', '/api/admin/agents', scene.admin.token);
    expect(console.body.find((a) => a.id === scene.agent1.agentId)?.avatarId).toBe(first);

    const replaced = await setAvatar(scene.admin.token, scene.agent1.agentId, JPEG);
    const second = replaced.body.avatarId!;
    expect(second).not.toBe(first);
    const jpeg = await fetch(scene.server.url + avatarPath(second));
    expect(jpeg.headers.get('content-type')).toBe('image/jpeg');
    expect((await api<ErrorBody>('GET', avatarPath(first))).status).toBe(404);
    expect(stored(first)).toBe(false);

    const audit = await api<AuditPage>('GET', `/api/admin/audit?targetId=${scene.agent1.agentId}`, scene.admin.token);
    expect(audit.body.entries.map((e) => [e.action, e.before, e.after])).toEqual(
      expect.arrayContaining([
        ['agent.update', { avatarId: null }, { avatarId: first }],
        ['agent.update', { avatarId: first }, { avatarId: second }],
      ]),
    );

    const removed = await api<Agent>('DELETE', `/api/admin/agents/${scene.agent1.agentId}/avatar`, scene.admin.token);
    expect(removed.status).toBe(200);
    expect(removed.body.avatarId).toBeNull();
    expect((await api('GET', avatarPath(second))).status).toBe(404);
    expect(stored(second)).toBe(false);
  });

  it('refuses what is not a picture (a text file named .png, an SVG), a picture too big, and an empty one, storing nothing', async () => {
    await setAvatar(scene.admin.token, scene.agent2.agentId, PNG);
    const before = dbFingerprint(scene.server);
    const refusals: [Buffer, number, string][] = [
      [Buffer.from('this is a text file someone renamed avatar.png\n'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [Buffer.concat([PNG, Buffer.alloc(AVATAR_LIMITS.bytesMax + 1 - PNG.length, 0)]), 413, 'PAYLOAD_TOO_LARGE'],
      // Far over: the JSON body limit refuses it before it is read.
      [Buffer.concat([PNG, Buffer.alloc(AVATAR_LIMITS.bytesMax * 2, 0)]), 413, 'PAYLOAD_TOO_LARGE'],
    ];
    for (const [bytes, status, code] of refusals) {
      const res = await setAvatar(scene.admin.token, scene.agent2.agentId, bytes);
      expect(res.status, code).toBe(status);
      expect(res.body.error.code).toBe(code);
    }
    const bad: unknown[] = [{}, { dataBase64: '' }, { dataBase64: PNG.toString('base64'), name: 'x.png' }, { dataBase64: 42 }];
    for (const body of bad) {
      const res = await api<ErrorBody>('PUT', `/api/admin/agents/${scene.agent2.agentId}/avatar`, scene.admin.token, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    const missing = await setAvatar(scene.admin.token, '01900000-0000-7000-8000-000000000000', PNG);
    expect(missing.status).toBe(404);
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('a group leader sets the avatars of their own agents only; an agent sets their own', async () => {
    expect((await setAvatar(leaderToken, inA.id, PNG)).body.avatarId).toEqual(expect.any(String));
    const before = dbFingerprint(scene.server);
    for (const res of [
      await setAvatar(leaderToken, inB.id, PNG),
      await api<ErrorBody>('DELETE', `/api/admin/agents/${inB.id}/avatar`, leaderToken),
      await setAvatar(leaderToken, scene.admin.agentId, PNG),
      await setAvatar(scene.agent1.token, scene.agent2.agentId, PNG),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    expect(dbFingerprint(scene.server)).toBe(before);

    const mine = await api<Agent>('PUT', '/api/me/avatar', scene.agent1.token, { dataBase64: PNG.toString('base64') });
    expect(mine.status).toBe(200);
    expect((await api<Agent>('GET', '/api/me', scene.agent1.token)).body.avatarId).toBe(mine.body.avatarId);
  });

  it('我的头像: an agent sets and removes their own, with the same checks, audit-logged as theirs', async () => {
    const token = (await loginAs(scene.server.url, 'agent.b', PASSWORD)).token;
    const before = dbFingerprint(scene.server);
    for (const [body, status, code] of [
      [{ dataBase64: Buffer.from('not a picture at all').toString('base64') }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [{ dataBase64: Buffer.concat([PNG, Buffer.alloc(AVATAR_LIMITS.bytesMax + 1 - PNG.length, 0)]).toString('base64') }, 413, 'PAYLOAD_TOO_LARGE'],
      [{ dataBase64: '' }, 400, 'VALIDATION_FAILED'],
      [{ dataBase64: PNG.toString('base64'), agentId: inA.id }, 400, 'VALIDATION_FAILED'],
    ] as const) {
      const res = await api<ErrorBody>('PUT', '/api/me/avatar', token, body);
      expect([res.status, res.body.error.code]).toEqual([status, code]);
    }
    expect(dbFingerprint(scene.server)).toBe(before);

    const set = await api<Agent>('PUT', '/api/me/avatar', token, { dataBase64: PNG.toString('base64') });
    expect(set.status).toBe(200);
    const avatarId = set.body.avatarId!;
    const removed = await api<Agent>('DELETE', '/api/me/avatar', token);
    expect([removed.status, removed.body.avatarId]).toEqual([200, null]);
    expect(stored(avatarId)).toBe(false);
    const audit = (await api<AuditPage>('GET', `/api/admin/audit?targetId=${inB.id}&action=agent.update`, scene.admin.token)).body.entries;
    expect(audit.map((e) => [e.action, e.actorId, e.before, e.after])).toEqual([
      ['agent.update', inB.id, { avatarId }, { avatarId: null }],
      ['agent.update', inB.id, { avatarId: null }, { avatarId }],
    ]);
  });

  it('deleting an account that never worked removes its picture from the store too', async () => {
    const admin = scene.admin.token;
    const fresh = (
      await api<Agent>('POST', '/api/admin/agents', admin, { account: 'agent.gone', password: PASSWORD, nickname: '临时', groupId: groupA.id, role: 'agent' })
    ).body;
    const avatarId = (await setAvatar(admin, fresh.id, PNG)).body.avatarId!;
    expect(stored(avatarId)).toBe(true);

    expect((await api('DELETE', `/api/admin/agents/${fresh.id}`, admin)).status).toBe(200);
    expect(stored(avatarId)).toBe(false);
    expect((await api<ErrorBody>('GET', avatarPath(avatarId))).status).toBe(404);
  });

  it("a conversation carries its agent's avatar; only avatars are served: an attachment id or an unknown id is not found", async () => {
    await goLive(scene, scene.agent1);
    const chat = await visitorChat(scene);
    const upload = await call<Attachment>(scene.server.url, 'POST', `/api/uploads?conversationId=${chat.conversationId}&name=photo.png`, {
      token: chat.token,
      raw: PNG,
      contentType: 'application/octet-stream',
    });
    expect(upload.status).toBe(200);
    // The conversation names its agent's picture, so the widget shows it beside the name.
    const mine = (await api<Agent>('GET', '/api/me', scene.agent1.token)).body.avatarId;
    const served = await api<{ agentId: string; agentAvatarId?: string }>('GET', `/api/conversations/${chat.conversationId}`, scene.agent1.token);
    expect(served.body).toMatchObject({ agentId: scene.agent1.agentId, agentAvatarId: mine });
    expect((await api<ErrorBody>('GET', avatarPath(upload.body.id))).status).toBe(404);
    const unknown = await api<ErrorBody>('GET', avatarPath('01900000-0000-7000-8000-000000000000'));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
  });
});
