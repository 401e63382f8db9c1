/**
 * Errors raised below our routes (the router, the HTTP parser, the WebSocket route, the widget
 * files) leave in the same { error: { code, message } } envelope, with a status the contract
 * lists, as the errors our handlers raise (issue 9.4).
 */
import { connect } from 'node:net';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, HTTP_STATUS, REALTIME_PATH } from '../../shared/index.js';
import { call, startTestServer } from '../testing/harness.js';
import { createScene, dbFingerprint, type Scene } from '../testing/scene.js';
import { toAppError } from '../domain/errors.js';

type ErrorBody = { error: { code: string; message: string } };

/** The body is the envelope, its code is ours and the status is the one the contract gives that code. */
function expectEnvelope(status: number, body: unknown, code?: string): void {
  const error = (body as Partial<ErrorBody> | undefined)?.error;
  expect(error, JSON.stringify(body)).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  expect(ERROR_CODES).toContain(error!.code);
  expect(status).toBe(HTTP_STATUS[error!.code as keyof typeof HTTP_STATUS]);
  if (code) expect(error!.code).toBe(code);
}

/** Sends raw bytes and reads the whole answer until the server closes the connection. */
function rawRequest(port: number, bytes: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (err) => (chunks.length ? undefined : reject(err)));
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', payload = ''] = text.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
      let body: unknown = payload;
      try {
        body = JSON.parse(payload);
      } catch {
        /* keep the text: the assertion shows it */
      }
      resolve({ status, body });
    });
    socket.write(bytes);
  });
}

describe('errors from every layer use the envelope and a listed status', () => {
  let scene: Scene;
  beforeAll(async () => {
    scene = await createScene();
  });
  afterAll(() => scene.dispose());

  it('a path parameter with invalid percent-encoding → 400 VALIDATION_FAILED', async () => {
    const before = dbFingerprint(scene.server);
    for (const path of ['/api/conversations/%FF%FE%C3%28', '/api/conversations/%ED%A0%80/accept', '/api/admin/knowledge/categories/%E4%B8']) {
      const res = await call(scene.server.url, path.endsWith('accept') ? 'POST' : path.includes('categories') ? 'DELETE' : 'GET', path, {
        token: scene.admin.token,
      });
      expectEnvelope(res.status, res.body, 'VALIDATION_FAILED');
    }
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('a path parameter longer than the router takes → 400 VALIDATION_FAILED, not 414', async () => {
    for (const length of [101, 5000]) {
      const res = await call(scene.server.url, 'GET', `/api/conversations/${'x'.repeat(length)}`, { token: scene.admin.token });
      expectEnvelope(res.status, res.body, 'VALIDATION_FAILED');
    }
  });

  it('HTTP the parser refuses (garbage request line, oversized headers) → envelope', async () => {
    const garbage = await rawRequest(scene.server.port, 'NOT HTTP AT ALL\r\n\r\n');
    expectEnvelope(garbage.status, garbage.body, 'VALIDATION_FAILED');
    const bigHeaders = await rawRequest(scene.server.port, `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(32 * 1024)}\r\n\r\n`);
    expectEnvelope(bigHeaders.status, bigHeaders.body, 'PAYLOAD_TOO_LARGE');
  });

  it('a plain GET of the realtime endpoint → envelope (it takes WebSocket upgrades only)', async () => {
    const res = await call(scene.server.url, 'GET', REALTIME_PATH);
    expectEnvelope(res.status, res.body, 'VALIDATION_FAILED');
  });

  it('maps any status a framework error carries onto a listed code', () => {
    const statusOf = (statusCode: number) => HTTP_STATUS[toAppError(Object.assign(new Error('x'), { statusCode })).code];
    expect(toAppError({ statusCode: 429, message: 'Rate limit exceeded' }).code).toBe('RATE_LIMITED');
    expect(toAppError(Object.assign(new Error('Request Header Fields Too Large'), { statusCode: 431 })).code).toBe('VALIDATION_FAILED');
    expect(toAppError(Object.assign(new Error('boom'), { statusCode: 503 })).code).toBe('INTERNAL');
    for (const statusCode of [400, 401, 403, 404, 405, 406, 408, 409, 413, 414, 415, 422, 429, 431, 500, 501, 502, 503, 504]) {
      expect(Object.values(HTTP_STATUS), String(statusCode)).toContain(statusOf(statusCode));
    }
  });

  it('the widget page, when it is not built → envelope', async () => {
    const server = await startTestServer({ widgetDir: join(tmpdir(), 'kefu-no-widget-here') });
    try {
      const res = await call(server.url, 'GET', '/widget');
      expectEnvelope(res.status, res.body, 'INTERNAL');
      expect((res.body as ErrorBody).error.message).toMatch(/npm run build/);
    } finally {
      await server.dispose();
    }
  });
});
