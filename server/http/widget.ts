/** Serves the built visitor widget: /widget (page), /widget.js (embed script), /widget/assets/*. */
import type { FastifyInstance } from 'fastify';
import { join } from 'node:path';
import { sendBuiltFile, sendBuiltAsset } from './static-files.js';

// The page may be framed by any site that embeds widget.js, so no frame-ancestors limit; it
// loads only its own scripts and talks only to this server (HTTP + WebSocket).
const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; form-action 'none'";

const WHAT = 'The visitor widget';

export function registerWidget(app: FastifyInstance, widgetDir: string): void {
  const page = { 'Content-Security-Policy': PAGE_CSP, 'Cache-Control': 'no-cache' };
  app.get('/widget', (_req, reply) => sendBuiltFile(reply, join(widgetDir, 'index.html'), WHAT, page));
  app.get('/widget/', (_req, reply) => sendBuiltFile(reply, join(widgetDir, 'index.html'), WHAT, page));
  app.get('/widget.js', (_req, reply) =>
    sendBuiltFile(reply, join(widgetDir, 'widget.js'), WHAT, { 'Cache-Control': 'no-cache', 'Access-Control-Allow-Origin': '*' }),
  );
  app.get('/widget/assets/*', (request, reply) => sendBuiltAsset(reply, widgetDir, (request.params as { '*': string })['*'], WHAT));
}
