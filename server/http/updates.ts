/**
 * GET /updates/:file — the workstation's self-update files from the folder an admin fills with
 * electron-builder's output (KEFU_UPDATES_DIR, default <data>/updates). Public, because the
 * updater asks before anyone logs in, and read-only: nothing here writes, and every other method
 * is the router's 404. Only names of electron-builder's artifacts are served (update-files.ts);
 * Range requests, one range or many (multipart/byteranges), serve electron-updater's
 * differential download.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import { HTTP_STATUS, type AppError } from '../../shared/errors.js';
import { UPDATES_PATH } from '../../shared/protocol/updates.js';
import { parseRange, type ByteRange } from './byte-ranges.js';
import { updateFile } from './update-files.js';

const refuse = (reply: FastifyReply, error: AppError) => reply.code(HTTP_STATUS[error.code]).send({ error });

async function fileSize(path: string): Promise<number | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : null;
  } catch {
    return null;
  }
}

/** One body of several ranges, each with its own part headers (RFC 9110 §14.6). */
function multipart(path: string, ranges: ByteRange[], size: number, type: string, boundary: string): PassThrough {
  const body = new PassThrough();
  void (async () => {
    for (const range of ranges) {
      body.write(`\r\n--${boundary}\r\nContent-Type: ${type}\r\nContent-Range: bytes ${range.start}-${range.end}/${size}\r\n\r\n`);
      await pipeline(createReadStream(path, { start: range.start, end: range.end }), body, { end: false });
    }
    body.end(`\r\n--${boundary}--\r\n`);
  })().catch((error: unknown) => body.destroy(error instanceof Error ? error : new Error(String(error))));
  return body;
}

function multipartLength(ranges: ByteRange[], size: number, type: string, boundary: string): number {
  let length = Buffer.byteLength(`\r\n--${boundary}--\r\n`);
  for (const range of ranges) {
    length += Buffer.byteLength(`\r\n--${boundary}\r\nContent-Type: ${type}\r\nContent-Range: bytes ${range.start}-${range.end}/${size}\r\n\r\n`);
    length += range.end - range.start + 1;
  }
  return length;
}

export function registerUpdates(app: FastifyInstance, updatesDir: string): void {
  app.get(`${UPDATES_PATH}/:file`, async (request: FastifyRequest<{ Params: { file: string } }>, reply) => {
    const name = request.params.file;
    const file = updateFile(name);
    if (file.kind === 'unsafe')
      return refuse(reply, {
        code: 'VALIDATION_FAILED',
        message: 'Not an update file name: one name of letters, digits and . _ -, no folders',
        details: { file: 'unsafe name' },
      });
    const path = join(updatesDir, name);
    const size = file.kind === 'known' ? await fileSize(path) : null;
    if (file.kind !== 'known' || size === null) return refuse(reply, { code: 'NOT_FOUND', message: `No update file ${name} on this server` });

    reply.header('Content-Type', file.contentType);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Accept-Ranges', 'bytes');
    // A new latest.yml must be seen at once; installers are named by version and never change.
    reply.header('Cache-Control', file.feed ? 'no-cache' : 'public, max-age=86400');
    const range = parseRange(request.headers.range, size);
    // 'unsatisfiable' is served whole too (the RFC lets a server ignore Range): 416 is not a status of our contract.
    if (range.kind !== 'ranges') {
      reply.header('Content-Length', size);
      return reply.send(createReadStream(path));
    }
    reply.code(206);
    if (range.ranges.length === 1) {
      const [only] = range.ranges as [ByteRange];
      reply.header('Content-Range', `bytes ${only.start}-${only.end}/${size}`);
      reply.header('Content-Length', only.end - only.start + 1);
      return reply.send(createReadStream(path, { start: only.start, end: only.end }));
    }
    const boundary = randomBytes(12).toString('hex');
    reply.header('Content-Type', `multipart/byteranges; boundary=${boundary}`);
    reply.header('Content-Length', multipartLength(range.ranges, size, file.contentType, boundary));
    return reply.send(multipart(path, range.ranges, size, file.contentType, boundary));
  });
}
