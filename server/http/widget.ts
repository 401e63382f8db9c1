/** Serves the built visitor widget: /widget (page), /widget.js (embed script), /widget/assets/*. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { HTTP_STATUS } from '../../shared/index.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

// The page may be framed by any site that embeds widget.js, so no frame-ancestors limit; it
// loads only its own scripts and talks only to this server (HTTP + WebSocket).
const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; form-action 'none'";

async function sendFile(reply: FastifyReply, file: string, extra: Record<string, string> = {}): Promise<FastifyReply> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    // A server set up without its widget build: our fault, said in the envelope like every error.
    return reply
      .code(HTTP_STATUS.INTERNAL)
      .send({ error: { code: 'INTERNAL', message: `The visitor widget is not built (${file} is missing): run npm run build` } });
  }
  reply.header('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('Referrer-Policy', 'no-referrer');
  for (const [k, v] of Object.entries(extra)) reply.header(k, v);
  return reply.send(bytes);
}

export function registerWidget(app: FastifyInstance, widgetDir: string): void {
  app.get('/widget', (_req, reply) => sendFile(reply, join(widgetDir, 'index.html'), { 'Content-Security-Policy': PAGE_CSP, 'Cache-Control': 'no-cache' }));
  app.get('/widget/', (_req, reply) => sendFile(reply, join(widgetDir, 'index.html'), { 'Content-Security-Policy': PAGE_CSP, 'Cache-Control': 'no-cache' }));
  app.get('/widget.js', (_req, reply) => sendFile(reply, join(widgetDir, 'widget.js'), { 'Cache-Control': 'no-cache', 'Access-Control-Allow-Origin': '*' }));
  app.get('/widget/assets/*', (request, reply) => {
    const rest = (request.params as { '*': string })['*'];
    const root = join(widgetDir, 'assets');
    const file = normalize(join(root, rest));
    if (!file.startsWith(root + sep)) return reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'No such asset' } });
    return sendFile(reply, file, { 'Cache-Control': 'public, max-age=31536000, immutable' });
  });
}
