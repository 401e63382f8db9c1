/** Serves the built renderer (dist/renderer): files by path, index.html for every other route (SPA). */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.map': 'application/json',
};

const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
  // The page URL carries the shell token: never send it to anyone in a Referer.
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

export function createStaticHandler(rendererDir: string): (req: IncomingMessage, res: ServerResponse) => void {
  const root = resolve(rendererDir);
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...COMMON_HEADERS, allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400, COMMON_HEADERS).end('bad path');
      return;
    }
    const candidate = resolve(join(root, normalize(pathname)));
    const inside = candidate === root || candidate.startsWith(root + sep);
    let file = inside && existsSync(candidate) && statSync(candidate).isFile() ? candidate : join(root, 'index.html');
    // A missing asset is a 404, not the SPA page (a broken <script> should fail loudly).
    if (file !== candidate && extname(pathname) !== '' && extname(pathname) !== '.html') {
      res.writeHead(404, COMMON_HEADERS).end('not found');
      return;
    }
    if (!existsSync(file)) {
      res.writeHead(503, { ...COMMON_HEADERS, 'content-type': 'text/plain; charset=utf-8' }).end(`renderer not built: run "npm run build" (looked in ${root})`);
      return;
    }
    file = resolve(file);
    const isIndex = file === join(root, 'index.html');
    res.writeHead(200, {
      ...COMMON_HEADERS,
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'cache-control': isIndex ? 'no-store' : 'public, max-age=3600',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };
}
