/**
 * 导出日志 in the browser shell: a page cannot be handed a file over the socket the way a save
 * dialog writes one, so `logs:export` answers a one-time download address on this server, and
 * GET /logs/export?ticket=… streams the zip as an attachment. Only our page can get a ticket (the
 * socket checks token and origin); a ticket works once and for a minute, so the address is worth
 * nothing in a browser history or a log.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ok } from '../../../shared/errors.js';
import { writeLogArchive } from '../logging/log-archive.js';
import type { LogExporter } from '../logging/log-export-handlers.js';
import { logArchiveName } from '../logging/log-export.js';
import type { FileLogging } from '../logging/file-logging.js';
import type { AppIdentity } from '../logging/log-manifest.js';

export const LOG_DOWNLOAD_PATH = '/logs/export';
export const TICKET_LIFETIME_MS = 60_000;

export interface LogDownloadDeps {
  logging: Pick<FileLogging, 'files'>;
  app: AppIdentity;
  clock?: () => number;
  log(message: string, detail?: unknown): void;
}

export interface LogDownloads {
  exporter: LogExporter;
  /** True for requests this module answers (GET /logs/export). */
  handles(req: IncomingMessage): boolean;
  serve(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/** The browser shell runs from a checkout: its package.json names the app and its version. */
export function browserShellIdentity(): AppIdentity {
  const packageJson = resolve(dirname(fileURLToPath(import.meta.url)), '../../../package.json');
  const own = JSON.parse(readFileSync(packageJson, 'utf8')) as { name: string; productName?: string; version: string };
  return { name: own.productName ?? own.name, version: own.version, shell: 'browser' };
}

const NO_STORE = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

export function createLogDownloads(deps: LogDownloadDeps): LogDownloads {
  const clock = deps.clock ?? Date.now;
  /** ticket → when it was issued and the file name it downloads as. */
  const tickets = new Map<string, { issuedAt: number; name: string }>();
  // Expired tickets are dropped whenever one is issued or used: no timer to own.
  const dropExpired = (now: number) => {
    for (const [ticket, { issuedAt }] of tickets) if (now - issuedAt > TICKET_LIFETIME_MS) tickets.delete(ticket);
  };

  return {
    async exporter() {
      const now = clock();
      dropExpired(now);
      const ticket = randomBytes(24).toString('hex');
      const name = logArchiveName(new Date(now));
      tickets.set(ticket, { issuedAt: now, name });
      return ok({ outcome: 'download' as const, url: `${LOG_DOWNLOAD_PATH}?ticket=${ticket}`, name });
    },
    handles: (req) => new URL(req.url ?? '/', 'http://127.0.0.1').pathname === LOG_DOWNLOAD_PATH,
    async serve(req, res) {
      if (req.method !== 'GET') {
        res.writeHead(405, { ...NO_STORE, allow: 'GET' }).end();
        return;
      }
      const now = clock();
      dropExpired(now);
      const ticket = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('ticket') ?? '';
      const issued = tickets.get(ticket);
      tickets.delete(ticket);
      if (!issued) {
        res.writeHead(404, { ...NO_STORE, 'content-type': 'text/plain; charset=utf-8' }).end('这个下载地址已用过或已过期：请在 设置 → 导出日志 重新导出。');
        return;
      }
      res.writeHead(200, {
        ...NO_STORE,
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="${issued.name}"`,
      });
      try {
        await writeLogArchive({ files: await deps.logging.files(), app: deps.app, now: new Date(now) }, res);
      } catch (error) {
        // The status is out already: cutting the response makes the browser show the download failed.
        deps.log('log export download failed', error);
        res.destroy();
      }
    },
  };
}
