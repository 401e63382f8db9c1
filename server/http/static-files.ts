/**
 * Files of a page the backend serves from its build (the visitor widget, the management console):
 * content type by extension, no sniffing, and a clear error when the build is missing.
 */
import type { FastifyReply } from 'fastify';
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

/** Sends one built file; `what` names the page in the error when it was never built. */
export async function sendBuiltFile(reply: FastifyReply, file: string, what: string, extra: Record<string, string> = {}): Promise<FastifyReply> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    // A server set up without this build: our fault, said in the envelope like every error.
    return reply.code(HTTP_STATUS.INTERNAL).send({ error: { code: 'INTERNAL', message: `${what} is not built (${file} is missing): run npm run build` } });
  }
  reply.header('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('Referrer-Policy', 'no-referrer');
  for (const [k, v] of Object.entries(extra)) reply.header(k, v);
  return reply.send(bytes);
}

/** A hashed asset under <dir>/assets: cached for ever; a path leaving that folder is 404. */
export function sendBuiltAsset(reply: FastifyReply, dir: string, rest: string, what: string): Promise<FastifyReply> | FastifyReply {
  const root = join(dir, 'assets');
  const file = normalize(join(root, rest));
  if (!file.startsWith(root + sep)) return reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'No such asset' } });
  return sendBuiltFile(reply, file, what, { 'Cache-Control': 'public, max-age=31536000, immutable' });
}
