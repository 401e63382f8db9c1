/**
 * The domain's errors and the one mapping from anything thrown to the AppError every adapter
 * sends (HTTP's envelope, the realtime hub's error and nack frames).
 */
import { z } from 'zod';
import { ERROR_CODES, HTTP_STATUS, type AppError, type ErrorCode } from '../../shared/index.js';

/** A refusal with a code from shared/errors.ts; HTTP and realtime map it to their own shape. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const refuse = (code: ErrorCode, message: string, details?: Record<string, string>): never => {
  throw new DomainError(code, message, details);
};

function zodDetails(error: z.ZodError): Record<string, string> {
  const details: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '(root)';
    details[key] ??= issue.message;
  }
  return details;
}

/**
 * The code of a 4xx: the first code the contract gives that status (429 is RATE_LIMITED), and
 * VALIDATION_FAILED (400) for a status the contract does not list (405, 414, 431…).
 */
function codeForClientStatus(status: number): ErrorCode {
  return ERROR_CODES.find((code) => HTTP_STATUS[code] === status) ?? 'VALIDATION_FAILED';
}

/** What Fastify and its plugins (parsers, rate limits) attach to what they throw; read without importing them. */
interface StatusError {
  statusCode?: unknown;
  message?: unknown;
}

/** Maps anything thrown to an AppError; unknown errors become INTERNAL without leaking internals. */
export function toAppError(err: unknown): AppError {
  if (err instanceof DomainError)
    return err.details ? { code: err.code, message: err.message, details: err.details } : { code: err.code, message: err.message };
  if (err instanceof z.ZodError) return { code: 'VALIDATION_FAILED', message: 'The request is not valid', details: zodDetails(err) };
  const statusError = (err ?? {}) as StatusError;
  const status = statusError.statusCode;
  // A 4xx from Fastify or a plugin names a mistake of the client, with a message worth showing;
  // any other status is ours to hide.
  if (typeof status !== 'number' || status < 400 || status >= 500) return { code: 'INTERNAL', message: 'Something went wrong on the server' };
  const code = codeForClientStatus(status);
  if (code === 'PAYLOAD_TOO_LARGE') return { code, message: 'The request body is too large' };
  if (code === 'UNSUPPORTED_MEDIA_TYPE') return { code, message: 'Send the body as application/json' };
  return { code, message: typeof statusError.message === 'string' && statusError.message ? statusError.message : 'Bad request' };
}
