/**
 * One rule for every file a person hands us (issue 9.7): a visitor's or agent's upload and a
 * canned file (常用文件) are judged by the same function, so a .png name on HTML bytes is refused
 * with 415 on both paths, and what one path accepts the other accepts too.
 */
import { storedAttachmentCount } from '../testing/stored-attachments.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../testing/harness.js';
import { createScene, dbFingerprint, goLive, visitorChat, type Scene } from '../testing/scene.js';

type Answer = { status: number; body: { error?: { code: string }; name?: string; mime?: string; isImage?: boolean } };

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const HTML = Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
const PDF = Buffer.from('%PDF-1.4\n%…');

describe('uploads and canned files share one name-versus-bytes rule', () => {
  let scene: Scene;
  let chat: Awaited<ReturnType<typeof visitorChat>>;
  const storedFiles = () => storedAttachmentCount(scene.server);
  const visitorUpload = (name: string, bytes: Buffer) =>
    call(scene.server.url, 'POST', `/api/uploads?conversationId=${chat.conversationId}&name=${encodeURIComponent(name)}`, {
      token: chat.token,
      raw: bytes,
      contentType: 'image/png',
    }) as Promise<Answer>;
  const agentUpload = (name: string, bytes: Buffer) =>
    call(scene.server.url, 'POST', `/api/uploads?conversationId=${chat.conversationId}&name=${encodeURIComponent(name)}`, {
      token: scene.agent1.token,
      raw: bytes,
      contentType: 'application/octet-stream',
    }) as Promise<Answer>;
  const cannedUpload = (name: string, bytes: Buffer) =>
    call(scene.server.url, 'POST', `/api/file-phrases?scope=personal&name=${encodeURIComponent(name)}`, {
      token: scene.agent1.token,
      raw: bytes,
      contentType: 'application/octet-stream',
    }) as Promise<Answer>;

  beforeAll(async () => {
    scene = await createScene();
    await goLive(scene, scene.agent1, 'online');
    chat = await visitorChat(scene);
  });
  afterAll(() => scene.dispose());

  it('refuses a name that promises another type than the bytes, with 415 on every path, storing nothing', async () => {
    const before = dbFingerprint(scene.server);
    const files = storedFiles();
    for (const [name, bytes] of [
      ['cute.png', HTML],
      ['photo.jpg', PNG],
      ['report.pdf', HTML],
      ['notes.txt', HTML],
      ['drawing', SVG],
      ['fake.png', Buffer.from('not really a png')],
    ] as const) {
      for (const send of [visitorUpload, agentUpload, cannedUpload]) {
        const res = await send(name, bytes);
        expect(res.status, `${send.name} ${name}`).toBe(415);
        expect(res.body.error?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      }
    }
    expect(dbFingerprint(scene.server)).toBe(before);
    expect(storedFiles()).toBe(files);
  });

  it('accepts what the bytes confirm on every path, with the type taken from the bytes', async () => {
    for (const [name, bytes, isImage] of [
      ['logo.png', PNG, true],
      ['screenshot', PNG, true],
      ['price.pdf', PDF, false],
      ['page.html', HTML, false],
      ['data.bin', Buffer.from('opaque'), false],
    ] as const) {
      for (const send of [visitorUpload, cannedUpload]) {
        const res = await send(name, bytes);
        expect(res.status, `${send.name} ${name} ${JSON.stringify(res.body)}`).toBe(200);
        expect(res.body.isImage).toBe(isImage);
      }
    }
  });
});
