/**
 * POST of a canned file's bytes in chunks, reporting how many the server has taken so far: the
 * typed REST client sends a body in one piece and cannot say how far it got, and a 20 MB upload
 * over a slow link needs a progress bar. Answers a Result like the REST client, never throws.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { ErrorBodySchema, routes } from '../../../shared/protocol/rest.js';
import { ERROR_CODES, fail, ok, type ErrorCode, type Result } from '../../../shared/errors.js';
import { FilePhraseSchema, type FilePhrase, type UploadFilePhraseQuery } from '../../../shared/file-phrases.js';

const CHUNK = 256 * 1024;

export interface UploadTarget {
  serverUrl: string;
  token: string;
  timeoutMs: number;
}

const isErrorCode = (code: string): code is ErrorCode => (ERROR_CODES as readonly string[]).includes(code);

function answer(response: IncomingMessage, text: string): Result<FilePhrase> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail(response.statusCode && response.statusCode >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED', `server answered HTTP ${response.statusCode}`);
  }
  if (response.statusCode === 200) {
    const parsed = FilePhraseSchema.safeParse(json);
    return parsed.success ? ok(parsed.data) : fail('INTERNAL', 'unexpected answer from the server');
  }
  const error = ErrorBodySchema.safeParse(json);
  if (!error.success) return fail('INTERNAL', `server answered HTTP ${response.statusCode}`);
  return fail(isErrorCode(error.data.error.code) ? error.data.error.code : 'INTERNAL', error.data.error.message, error.data.error.details);
}

export function uploadFilePhraseWithProgress(
  target: UploadTarget,
  query: UploadFilePhraseQuery,
  bytes: Buffer,
  onProgress: (sent: number, total: number) => void,
): Promise<Result<FilePhrase>> {
  const url = new URL(routes.uploadFilePhrase.path, target.serverUrl);
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: Result<FilePhrase>) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const req = send(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/octet-stream', 'content-length': bytes.length },
      timeout: target.timeoutMs,
    });
    req.on('response', (response) => {
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('end', () => done(answer(response, Buffer.concat(parts).toString('utf8'))));
      response.on('error', (error) => done(fail('NETWORK', error.message)));
    });
    req.on('timeout', () => {
      req.destroy();
      done(fail('TIMEOUT', `the server did not answer within ${target.timeoutMs} ms`));
    });
    req.on('error', (error) => done(fail('NETWORK', `cannot reach the server: ${error.message}`)));
    let offset = 0;
    // One chunk at a time, the next after the previous was handed to the socket: progress is real.
    const writeNext = () => {
      if (settled) return;
      if (offset >= bytes.length) {
        req.end();
        return;
      }
      const chunk = bytes.subarray(offset, offset + CHUNK);
      offset += chunk.length;
      req.write(chunk, () => {
        onProgress(offset, bytes.length);
        writeNext();
      });
    };
    writeNext();
  });
}
