import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, uuidv7 } from '../../shared/index.js';
import { call } from '../testing/harness.js';
import { dbFingerprint, liveChatScene, type Scene, type VisitorChat } from '../testing/scene.js';
import { sniffImage } from './files/file-type.js';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

describe('uploads and attachments', () => {
  let scene: Scene;
  let chat: VisitorChat;
  beforeAll(async () => {
    ({ scene, chat } = await liveChatScene());
  });
  afterAll(() => scene.dispose());

  const upload = (name: string, bytes: Buffer | string, contentType = 'application/octet-stream', token = chat.token) =>
    call<{ id: string; isImage: boolean; mime: string; name: string; error?: { code: string } }>(
      scene.server.url,
      'POST',
      `/api/uploads?conversationId=${chat.conversationId}&name=${encodeURIComponent(name)}`,
      { token, raw: bytes, contentType },
    );

  it('recognises images by their bytes only', () => {
    expect(sniffImage(PNG)).toBe('image/png');
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImage(Buffer.from('GIF89a....'))).toBe('image/gif');
    expect(sniffImage(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffImage(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
  });

  it('a real PNG is an image served inline with its type; the agent can fetch it with ?token=', async () => {
    const res = await upload('photo.bin', PNG);
    expect(res.body).toMatchObject({ isImage: true, mime: 'image/png' });
    const sent = await call(scene.server.url, 'POST', `/api/conversations/${chat.conversationId}/messages`, {
      token: chat.token,
      body: { clientId: uuidv7(), kind: 'image', attachmentId: res.body.id },
    });
    expect(sent.status).toBe(200);
    const got = await fetch(`${scene.server.url}/api/attachments/${res.body.id}?token=${scene.agent1.token}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await got.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('non-image bytes are a file, and cannot be sent as an image (a .png name on them is refused: file-rule.test.ts)', async () => {
    const res = await upload('fake.dat', 'not really a png');
    expect(res.body).toMatchObject({ isImage: false, mime: 'application/octet-stream' });
    const asImage = await call<{ error: { code: string } }>(scene.server.url, 'POST', `/api/conversations/${chat.conversationId}/messages`, {
      token: chat.token,
      body: { clientId: uuidv7(), kind: 'image', attachmentId: res.body.id },
    });
    expect(asImage.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('HTML is served as a download with nosniff and a sandbox CSP, whatever was declared', async () => {
    const res = await upload('page.html', '<html><script>alert(1)</script></html>', 'text/html');
    expect(res.body.isImage).toBe(false);
    const got = await fetch(`${scene.server.url}/api/attachments/${res.body.id}`, { headers: { authorization: `Bearer ${chat.token}` } });
    expect(got.headers.get('content-type')).toBe('application/octet-stream');
    expect(got.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-security-policy')).toMatch(/sandbox/);
  });

  it('refuses oversized images, empty bodies, and other visitors', async () => {
    const stranger = await call<{ token: string }>(scene.server.url, 'POST', '/api/visitor/session', { body: {} });
    const before = dbFingerprint(scene.server);
    const bigImage = Buffer.concat([PNG, Buffer.alloc(LIMITS.imageBytesMax)]);
    const big = await upload('big.png', bigImage);
    expect(big.status).toBe(413);
    expect(big.body.error?.code).toBe('PAYLOAD_TOO_LARGE');
    const empty = await upload('empty.txt', '');
    expect(empty.status).toBe(400);
    const theirs = await upload('x.txt', 'x', 'application/octet-stream', stranger.body.token);
    expect(theirs.status).toBe(404);
    expect(dbFingerprint(scene.server)).toBe(before);
  });
});
