import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FilePhrase } from '../../../shared/file-phrases.js';
import { adminToken } from '../test-support/admin-login.js';
import { loginOnline, openDesk, startStack, type Desk, type Stack } from '../test-support/agent-harness.js';
import { startVisitor } from '../test-support/visitor.js';
import { removeTempDirs, tempDir } from '../test-support/temp-dir.js';
import { waitFor } from '../test-support/wait-for.js';

/**
 * Canned files in the workstation services: real server process, real SQLite cache. An admin's
 * change reaches the cache live (realtime hint → re-sync), uploads report progress, sending goes
 * through the outbox and the visitor can download the same bytes.
 */
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(700 * 1024, 0x42)]);

describe('canned files in the workstation services', () => {
  let stack: Stack;
  let desk: Desk;
  let token: string;
  const names = async () => {
    const list = await desk.invoke('file-phrases:list', undefined);
    if (!list.ok) throw new Error(list.error.message);
    return list.value.files.map((f) => f.name);
  };
  const adminUpload = async (name: string, bytes: Buffer): Promise<FilePhrase> => {
    const response = await fetch(`${stack.server.url}/api/file-phrases?scope=public&name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    expect(response.status).toBe(200);
    return (await response.json()) as FilePhrase;
  };

  beforeAll(async () => {
    stack = await startStack();
    desk = openDesk(stack.deskDir, stack.proxy.url);
    await loginOnline(desk);
    token = await adminToken(stack.server.url);
  }, 60_000);
  afterAll(async () => {
    desk.workstation.close();
    await stack.close();
    removeTempDirs();
  });

  it('an admin’s new public file reaches the cache without a re-login, and announces itself', async () => {
    expect(await names()).toEqual([]);
    const changed: number[] = [];
    const off = desk.workstation.on('phrases:changed', ({ count }) => changed.push(count));
    await adminUpload('报价单.pdf', PDF);
    await waitFor('public file cached live', async () => (await names()).includes('报价单.pdf'));
    expect(changed.length).toBeGreaterThan(0);
    off();
  });

  it('phrase changes on another workstation reach this one live: own personal ones and public ones, not others’', async () => {
    const titles = async (d: Desk) => {
      const list = await d.invoke('phrases:list', undefined);
      return list.ok ? list.value.phrases.map((p) => p.title) : [];
    };
    const elsewhere = openDesk(tempDir('kefu-desk-b-'), stack.proxy.url);
    const colleague = openDesk(tempDir('kefu-desk-c-'), stack.proxy.url);
    // Everything this desk's page is told: the server's hint is an internal signal, not one of them.
    const toPage: string[] = [];
    const stopListening = desk.workstation.onAny((channel) => toPage.push(channel));
    try {
      await loginOnline(elsewhere, 'agent1', 'agent123');
      await loginOnline(colleague, 'agent2', 'agent123');
      const made = await elsewhere.invoke('phrases:create', { title: '另一台电脑', content: '同一个客服' });
      expect(made.ok).toBe(true);
      await waitFor('own personal phrase synced live', async () => (await titles(desk)).includes('另一台电脑'));
      const adminPhrase = await fetch(`${stack.server.url}/api/phrases`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ scope: 'public', title: '新公共语', content: '大家都能用' }),
      });
      expect(adminPhrase.status).toBe(200);
      await waitFor('public phrase synced live', async () => (await titles(desk)).includes('新公共语') && (await titles(colleague)).includes('新公共语'));
      expect(await titles(colleague)).not.toContain('另一台电脑');
      expect(toPage).toContain('phrases:changed');
      expect(toPage).not.toContain('phrases:outdated');
    } finally {
      stopListening();
      elsewhere.workstation.close();
      colleague.workstation.close();
    }
  }, 60_000);

  it('uploads a personal file with progress, renames and deletes it; public files cannot be changed', async () => {
    const progress: { sent: number; total: number }[] = [];
    const off = desk.workstation.on('file-phrases:upload-progress', (p) => {
      if (p.uploadId === 'u1') progress.push(p);
    });
    const uploaded = await desk.invoke('file-phrases:upload', { uploadId: 'u1', file: { name: '我的.pdf', dataBase64: PDF.toString('base64') } });
    off();
    expect(uploaded.ok).toBe(true);
    if (!uploaded.ok) return;
    expect(uploaded.value).toMatchObject({ scope: 'personal', size: PDF.length, mime: 'application/pdf' });
    // Chunked: several steps, increasing, ending at the whole file.
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toEqual({ uploadId: 'u1', sent: PDF.length, total: PDF.length });
    expect(progress.map((p) => p.sent)).toEqual([...progress.map((p) => p.sent)].sort((a, b) => a - b));
    expect(await names()).toContain('我的.pdf');

    expect((await desk.invoke('file-phrases:update', { id: uploaded.value.id, patch: { name: '我的资料.pdf' } })).ok).toBe(true);
    expect(await names()).toContain('我的资料.pdf');

    const list = await desk.invoke('file-phrases:list', undefined);
    const pub = list.ok ? list.value.files.find((f) => f.scope === 'public') : undefined;
    const refused = await desk.invoke('file-phrases:delete', { id: pub!.id });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('FORBIDDEN');
    expect(await names()).toContain('报价单.pdf');

    // Disguised and bad input: refused with a code, nothing cached.
    const html = Buffer.from('<html><script>alert(1)</script></html>').toString('base64');
    const disguised = await desk.invoke('file-phrases:upload', { uploadId: 'u2', file: { name: 'cat.png', dataBase64: html } });
    expect(disguised.ok).toBe(false);
    if (!disguised.ok) expect(disguised.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const unknownField = await desk.invoke('file-phrases:update', { id: uploaded.value.id, patch: { name: 'x.pdf', color: 'red' } as never });
    expect(unknownField.ok).toBe(false);

    expect((await desk.invoke('file-phrases:delete', { id: uploaded.value.id })).ok).toBe(true);
    expect(await names()).toEqual(['报价单.pdf']);
  });

  it('sends a canned file as a file message through the outbox; the visitor downloads the same bytes', async () => {
    const visitor = await startVisitor(() => stack.server.url, '访客乙');
    expect(visitor.conversation.state).toBe('active');
    const list = await desk.invoke('file-phrases:list', undefined);
    const file = list.ok ? list.value.files.find((f) => f.name === '报价单.pdf') : undefined;
    const sent = await desk.invoke('file-phrases:send', { id: file!.id, conversationId: visitor.conversation.id });
    expect(sent.ok).toBe(true);
    if (!sent.ok) return;
    expect(sent.value).toMatchObject({ kind: 'file', text: '报价单.pdf', delivery: 'sending' });
    await waitFor('message stored', async () => (await visitor.messages()).some((m) => m.clientId === sent.value.clientId));
    const message = (await visitor.messages()).find((m) => m.clientId === sent.value.clientId)!;
    expect(message).toMatchObject({ kind: 'file', sender: 'agent', attachment: { name: '报价单.pdf', size: PDF.length } });
    const download = await fetch(`${stack.server.url}/api/attachments/${message.attachment!.id}?token=${visitor.token}`);
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
    await waitFor('outbox empty', async () => (await desk.connection()).outbox === 0);
  });

  it('serves the cached list while the server is down and refuses to send then', async () => {
    await stack.killServer();
    await waitFor('offline', async () => (await desk.connection()).state !== 'online');
    expect(await names()).toEqual(['报价单.pdf']);
    const list = await desk.invoke('file-phrases:list', undefined);
    const file = list.ok ? list.value.files[0] : undefined;
    const offline = await desk.invoke('file-phrases:send', { id: file!.id, conversationId: 'whatever' });
    expect(offline.ok).toBe(false);
    if (!offline.ok) expect(['NETWORK', 'TIMEOUT']).toContain(offline.error.code);
    expect((await desk.connection()).outbox).toBe(0);
    await stack.startServer();
    await waitFor('online again', async () => (await desk.connection()).state === 'online', 20_000);
  }, 60_000);
});
