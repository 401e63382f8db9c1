/**
 * Names a person reads carry no bidi controls or other invisible characters (issue 9.5): an
 * upload named `invoice\u202Etxt.exe` would otherwise read as "invoiceexe.txt" and hide a .exe.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7, type Agent, type Attachment, type Conversation, type Customer, type OfflineMessage, type Topic } from '../../shared/index.js';
import type { FilePhrase } from '../../shared/file-phrases.js';
import { call } from '../testing/harness.js';
import { createScene, dbFingerprint, goLive, visitorChat, type Scene, type VisitorChat } from '../testing/scene.js';
import { insertAttachmentRow } from './uploads.js';

type ErrorBody = { error: { code: string; details?: Record<string, string> } };

/** Every bidi control and a sample of other Unicode Cf characters. */
const INVISIBLE = [
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u200E',
  '\u200F',
  '\uFEFF',
  '\u061C',
  '\u00AD',
  '\u2060',
];
const hasInvisible = (text: string): boolean => /[\p{Cf}]/u.test(text);

/** The file name a download offers, decoded from Content-Disposition's filename*. */
const downloadName = (res: Response): string => decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? '');

describe('names shown to a person', () => {
  let scene: Scene;
  let chat: VisitorChat;
  const url = () => scene.server.url;

  beforeAll(async () => {
    scene = await createScene();
    await goLive(scene, scene.agent1, 'online');
    chat = await visitorChat(scene, { name: `Bob${INVISIBLE.join('')}` });
  });
  afterAll(() => scene.dispose());

  it('an uploaded file keeps no bidi control in its stored name or in its download name', async () => {
    const up = await call<Attachment>(url(), 'POST', `/api/uploads?conversationId=${chat.conversationId}&name=${encodeURIComponent('invoice\u202Etxt.exe')}`, {
      token: chat.token,
      raw: 'just text',
      contentType: 'application/octet-stream',
    });
    expect(up.status).toBe(200);
    expect(up.body.name).toBe('invoicetxt.exe');
    const got = await fetch(`${url()}/api/attachments/${up.body.id}`, { headers: { authorization: `Bearer ${chat.token}` } });
    expect(downloadName(got)).toBe('invoicetxt.exe');
  });

  it('a download stored under a disguised name before this fix is offered without the controls', async () => {
    const id = uuidv7();
    const bytes = Buffer.from('old bytes');
    scene.server.store.attachmentBytes.write(id, bytes);
    insertAttachmentRow(scene.server.ctx, {
      id,
      conversationId: chat.conversationId,
      name: `report${INVISIBLE.join('')}\u202Efdp.exe`,
      size: bytes.length,
      mime: 'application/octet-stream',
      isImage: false,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      createdAt: scene.server.clock.now,
    });
    const got = await fetch(`${url()}/api/attachments/${id}`, { headers: { authorization: `Bearer ${chat.token}` } });
    expect(got.status).toBe(200);
    expect(downloadName(got)).toBe('reportfdp.exe');
  });

  it('canned file names: upload and rename drop the controls; a name of nothing but them is refused', async () => {
    const token = scene.agent1.token;
    const made = await call<FilePhrase>(url(), 'POST', `/api/file-phrases?scope=personal&name=${encodeURIComponent('价目\u2067表\u2069.bin')}`, {
      token,
      raw: 'bytes',
      contentType: 'application/octet-stream',
    });
    expect(made.status).toBe(200);
    expect(made.body.name).toBe('价目表.bin');
    const renamed = await call<FilePhrase>(url(), 'PATCH', `/api/file-phrases/${made.body.id}`, { token, body: { name: '\u200Bnew\u202Enib.bin' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('newnib.bin');

    const before = dbFingerprint(scene.server);
    const empty = await call<ErrorBody>(url(), 'PATCH', `/api/file-phrases/${made.body.id}`, { token, body: { name: '\u200B\u202E\uFEFF' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details).toHaveProperty(['body.name']);
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('agent nicknames, visitor and customer names, topic names are stored without the controls', async () => {
    const conversation = await call<Conversation>(url(), 'GET', `/api/conversations/${chat.conversationId}`, { token: scene.agent1.token });
    expect(conversation.body.visitorName).toBe('Bob');

    const agent = await call<Agent>(url(), 'POST', '/api/admin/agents', {
      token: scene.admin.token,
      body: { account: 'agent-bidi', password: 'Str0ng-pass!word', nickname: `小\u202E王${INVISIBLE.join('')}` },
    });
    expect(agent.status).toBe(200);
    expect(agent.body.nickname).toBe('小王');
    const renamed = await call<Agent>(url(), 'PATCH', `/api/admin/agents/${agent.body.id}`, {
      token: scene.admin.token,
      body: { nickname: '\u2066老\u2069李' },
    });
    expect(renamed.body.nickname).toBe('老李');

    const offline = await call<OfflineMessage>(url(), 'POST', '/api/visitor/offline-messages', {
      token: chat.token,
      body: { name: 'Ann\u202Eieb', contact: 'a@b.c', text: '请回电' },
    });
    expect(offline.body.name).toBe('Annieb');
    const customer = await call<Customer>(url(), 'POST', '/api/customers', { token: scene.agent1.token, body: { name: '张\u200F三', phone: '13800000000' } });
    expect(customer.body.name).toBe('张三');
    const topic = await call<Topic>(url(), 'POST', '/api/admin/topics', { token: scene.admin.token, body: { name: '退款\u202E' } });
    expect(topic.body.name).toBe('退款');
    for (const name of [conversation.body.visitorName, agent.body.nickname, offline.body.name, customer.body.name, topic.body.name])
      expect(hasInvisible(name)).toBe(false);
  });
});
