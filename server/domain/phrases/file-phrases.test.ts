import { storedAttachmentCount } from '../../testing/stored-attachments.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, type Attachment, type Message, type ServerFrame } from '../../../shared/index.js';
import type { FilePhrase, FilePhraseList } from '../../../shared/file-phrases.js';
import { uuidv7 } from '../../../shared/ids.js';
import { call, RealtimeClient } from '../../testing/harness.js';
import { createScene, dbFingerprint, goLive, visitorChat, type Scene } from '../../testing/scene.js';

type Err = { error: { code: string; details?: Record<string, string> } };

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3000, 0x41)]);

describe('canned files (常用文件) over REST', () => {
  let scene: Scene;
  let url: string;
  const upload = (token: string, query: Record<string, string>, bytes: Buffer) =>
    call<FilePhrase & Err>(url, 'POST', `/api/file-phrases?${new URLSearchParams(query).toString()}`, {
      token,
      raw: bytes,
      contentType: 'application/octet-stream',
    });
  const list = async (token: string) => (await call<FilePhraseList>(url, 'GET', '/api/file-phrases', { token })).body.files;
  const storedFiles = () => storedAttachmentCount(scene.server);

  beforeAll(async () => {
    scene = await createScene();
    url = scene.server.url;
  });
  afterAll(() => scene.dispose());

  it('an admin uploads a public file every agent sees; its type comes from the bytes', async () => {
    const res = await upload(scene.admin.token, { scope: 'public', name: '价格表.pdf', categoryId: 'pc-links' }, PDF);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      scope: 'public',
      ownerId: null,
      name: '价格表.pdf',
      size: PDF.length,
      mime: 'application/pdf',
      isImage: false,
      categoryId: 'pc-links',
    });
    expect(res.body).not.toHaveProperty('sha256');
    for (const staff of [scene.agent1, scene.agent2]) expect((await list(staff.token)).map((f) => f.id)).toContain(res.body.id);
  });

  it('personal files are their owner’s alone: renamed, moved and deleted by them only', async () => {
    const mine = await upload(scene.agent1.token, { scope: 'personal', name: 'logo.png' }, PNG);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ scope: 'personal', ownerId: scene.agent1.agentId, mime: 'image/png', isImage: true });
    expect((await list(scene.agent2.token)).map((f) => f.id)).not.toContain(mine.body.id);

    const category = await call<{ id: string }>(url, 'POST', '/api/phrase-categories', {
      token: scene.agent1.token,
      body: { scope: 'personal', name: '我的文件' },
    });
    const renamed = await call<FilePhrase>(url, 'PATCH', `/api/file-phrases/${mine.body.id}`, {
      token: scene.agent1.token,
      body: { name: '公司标志.png', categoryId: category.body.id },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: '公司标志.png', categoryId: category.body.id });
    expect((await list(scene.agent1.token)).find((f) => f.id === mine.body.id)?.name).toBe('公司标志.png');

    const before = dbFingerprint(scene.server);
    for (const [method, body] of [
      ['PATCH', { name: 'x.png' }],
      ['DELETE', undefined],
    ] as const) {
      const res = await call<Err>(url, method, `/api/file-phrases/${mine.body.id}`, { token: scene.agent2.token, body });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    // A public category cannot hold a personal file.
    const wrongCategory = await call<Err>(url, 'PATCH', `/api/file-phrases/${mine.body.id}`, { token: scene.agent1.token, body: { categoryId: 'pc-links' } });
    expect(wrongCategory.status).toBe(400);
    // Renaming must not disguise the type either.
    const disguise = await call<Err>(url, 'PATCH', `/api/file-phrases/${mine.body.id}`, { token: scene.agent1.token, body: { name: 'report.pdf' } });
    expect(disguise.status).toBe(400);
    expect(dbFingerprint(scene.server)).toBe(before);

    const filesBefore = storedFiles();
    expect((await call(url, 'DELETE', `/api/file-phrases/${mine.body.id}`, { token: scene.agent1.token })).status).toBe(200);
    expect((await list(scene.agent1.token)).map((f) => f.id)).not.toContain(mine.body.id);
    expect(storedFiles()).toBe(filesBefore - 1);
  });

  it('an agent cannot upload, rename or delete public files (403, nothing stored or changed)', async () => {
    const [file] = (await list(scene.agent1.token)).filter((f) => f.scope === 'public');
    expect(file).toBeDefined();
    const before = dbFingerprint(scene.server);
    const files = storedFiles();
    const made = await upload(scene.agent1.token, { scope: 'public', name: 'a.pdf' }, PDF);
    expect(made.status).toBe(403);
    expect(made.body.error.code).toBe('FORBIDDEN');
    const rename = await call<Err>(url, 'PATCH', `/api/file-phrases/${file!.id}`, { token: scene.agent1.token, body: { name: 'hacked.pdf' } });
    expect(rename.status).toBe(403);
    const del = await call<Err>(url, 'DELETE', `/api/file-phrases/${file!.id}`, { token: scene.agent1.token });
    expect(del.status).toBe(403);
    expect(del.body.error.code).toBe('FORBIDDEN');
    expect(dbFingerprint(scene.server)).toBe(before);
    expect(storedFiles()).toBe(files);
  });

  it('refuses bad uploads with a code and stores nothing', async () => {
    const before = dbFingerprint(scene.server);
    const files = storedFiles();
    const token = scene.agent1.token;
    const html = Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>');
    const cases: [Promise<{ status: number; body: Err }>, number, string][] = [
      [upload(token, { scope: 'personal', name: 'cute.png' }, html), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [upload(token, { scope: 'personal', name: 'notes.txt' }, html), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [upload(token, { scope: 'personal', name: 'fake.pdf' }, PNG), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [upload(token, { scope: 'personal', name: 'empty.bin' }, Buffer.alloc(0)), 400, 'VALIDATION_FAILED'],
      [upload(token, { scope: 'personal', name: '   ' }, PDF), 400, 'VALIDATION_FAILED'],
      [upload(token, { scope: 'personal', name: 'a.pdf', color: 'red' }, PDF), 400, 'VALIDATION_FAILED'],
      [upload(token, { scope: 'personal', name: 'a.pdf', categoryId: 'no-such' }, PDF), 400, 'VALIDATION_FAILED'],
      [upload(token, { scope: 'personal', name: 'big.bin' }, Buffer.alloc(LIMITS.fileBytesMax + 1, 1)), 413, 'PAYLOAD_TOO_LARGE'],
      [call<Err>(url, 'PATCH', '/api/file-phrases/x', { token, body: { name: 'a.pdf', extra: 1 } }), 400, 'VALIDATION_FAILED'],
      [call<Err>(url, 'PATCH', '/api/file-phrases/x', { token, body: { name: '' } }), 400, 'VALIDATION_FAILED'],
    ];
    for (const [pending, status, code] of cases) {
      const res = await pending;
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
    }
    expect(dbFingerprint(scene.server)).toBe(before);
    expect(storedFiles()).toBe(files);
  });

  it('attaches a canned file to the agent’s conversation; the visitor gets a file message with the same bytes', async () => {
    await goLive(scene, scene.agent1);
    await goLive(scene, scene.agent2, 'away');
    const chat = await visitorChat(scene);
    const file = await upload(scene.admin.token, { scope: 'public', name: '说明书.pdf' }, PDF);
    const attachPath = `/api/file-phrases/${file.body.id}/attach`;

    // Only the agent handling the conversation may attach into it; visitors not at all.
    expect((await call<Err>(url, 'POST', attachPath, { token: scene.agent2.token, body: { conversationId: chat.conversationId } })).status).toBe(403);
    expect((await call<Err>(url, 'POST', attachPath, { token: chat.token, body: { conversationId: chat.conversationId } })).status).toBe(403);
    // Another agent's personal file looks missing.
    const other = await upload(scene.agent2.token, { scope: 'personal', name: 'secret.pdf' }, PDF);
    expect(
      (await call<Err>(url, 'POST', `/api/file-phrases/${other.body.id}/attach`, { token: scene.agent1.token, body: { conversationId: chat.conversationId } }))
        .status,
    ).toBe(404);

    const attached = await call<Attachment>(url, 'POST', attachPath, { token: scene.agent1.token, body: { conversationId: chat.conversationId } });
    expect(attached.status).toBe(200);
    expect(attached.body).toMatchObject({ name: '说明书.pdf', size: PDF.length, isImage: false });
    const clientId = uuidv7();
    const body = { clientId, kind: 'file', attachmentId: attached.body.id };
    const sent = await call<Message>(url, 'POST', `/api/conversations/${chat.conversationId}/messages`, { token: scene.agent1.token, body });
    expect(sent.status).toBe(200);
    // Idempotent on the client id: the same message again, not a second one.
    const again = await call<Message>(url, 'POST', `/api/conversations/${chat.conversationId}/messages`, { token: scene.agent1.token, body });
    expect(again.body.id).toBe(sent.body.id);

    // The canned file may go away; what was sent stays downloadable, byte for byte.
    expect((await call(url, 'DELETE', `/api/file-phrases/${file.body.id}`, { token: scene.admin.token })).status).toBe(200);
    const messages = await call<Message[]>(url, 'GET', `/api/conversations/${chat.conversationId}/messages`, { token: chat.token });
    const message = messages.body.find((m) => m.clientId === clientId);
    expect(message).toMatchObject({ kind: 'file', text: '说明书.pdf', attachment: { id: attached.body.id } });
    const download = await fetch(`${url}/api/attachments/${attached.body.id}?token=${chat.token}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('announces changes: public ones to every staff member, personal ones to their owner only', async () => {
    const agent1 = await RealtimeClient.connect(url, scene.agent1.token);
    const agent2 = await RealtimeClient.connect(url, scene.agent2.token);
    scene.clients.push(agent1, agent2);
    const hint = (ownerId: string | null) => (f: ServerFrame) => f.type === 'event' && f.event.type === 'phrases.changed' && f.event.ownerId === ownerId;

    await upload(scene.admin.token, { scope: 'public', name: '公告.pdf' }, PDF);
    await agent1.waitFor(hint(null));
    await agent2.waitFor(hint(null));

    await call(url, 'POST', '/api/phrases', { token: scene.agent1.token, body: { scope: 'personal', title: '私有', content: '只有我' } });
    await agent1.waitFor(hint(scene.agent1.agentId));
    // A public marker after it: once agent2 has it, agent2 has read past agent1's hint and never got it.
    const from = agent2.frames.length;
    await upload(scene.admin.token, { scope: 'public', name: '标记.pdf' }, PDF);
    await agent2.waitFor(hint(null), 5000, from);
    expect(agent2.frames.some(hint(scene.agent1.agentId))).toBe(false);

    // Replayed after a reconnect, like every durable event.
    const late = await RealtimeClient.connect(url, scene.agent2.token, 0);
    scene.clients.push(late);
    expect(late.frames.filter(hint(null)).length).toBeGreaterThanOrEqual(2);
  });
});
