/** Serves the built management console (管理中心): /admin (its single page for every console path) and /admin/assets/*. */
import type { FastifyInstance } from 'fastify';
import { join } from 'node:path';
import { sendBuiltAsset, sendBuiltFile } from './static-files.js';

// Unlike the widget, the console is never framed by another site (clickjacking an admin's clicks);
// it loads only its own files and talks only to this server.
const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const WHAT = 'The management console';

export function registerAdminSite(app: FastifyInstance, adminDir: string): void {
  const page = (_req: unknown, reply: Parameters<typeof sendBuiltFile>[0]) =>
    sendBuiltFile(reply, join(adminDir, 'index.html'), WHAT, { 'Content-Security-Policy': PAGE_CSP, 'Cache-Control': 'no-cache', 'X-Frame-Options': 'DENY' });
  app.get('/admin', page);
  app.get('/admin/', page);
  app.get('/admin/assets/*', (request, reply) => sendBuiltAsset(reply, adminDir, (request.params as { '*': string })['*'], WHAT));
  // The console's own paths (/admin/agents…) are the same page: a reload or a bookmark lands there.
  app.get('/admin/*', page);
}
