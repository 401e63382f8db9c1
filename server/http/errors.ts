/** Every error leaves as { error: { code, message, details? } } with the status of its code. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HTTP_STATUS, type AppError, type ErrorCode } from '../../shared/index.js';
import { DomainError } from '../domain/errors.js';

export function zodDetails(error: z.ZodError): Record<string, string> {
  const details: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '(root)';
    details[key] ??= issue.message;
  }
  return details;
}

/** Maps anything thrown to an AppError; unknown errors become INTERNAL without leaking internals. */
export function toAppError(err: unknown): AppError {
  if (err instanceof DomainError) return err.details ? { code: err.code, message: err.message, details: err.details } : { code: err.code, message: err.message };
  if (err instanceof z.ZodError) return { code: 'VALIDATION_FAILED', message: 'The request is not valid', details: zodDetails(err) };
  const fastifyError = err as Partial<FastifyError>;
  const byStatus: Record<number, ErrorCode> = { 400: 'VALIDATION_FAILED', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE', 404: 'NOT_FOUND' };
  const code = fastifyError.statusCode ? byStatus[fastifyError.statusCode] : undefined;
  if (code === 'PAYLOAD_TOO_LARGE') return { code, message: 'The request body is too large' };
  if (code === 'UNSUPPORTED_MEDIA_TYPE') return { code, message: 'Send the body as application/json' };
  if (code) return { code, message: fastifyError.message ?? 'Bad request' };
  return { code: 'INTERNAL', message: 'Something went wrong on the server' };
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const error = toAppError(err);
    if (error.code === 'INTERNAL') request.log.error({ err }, 'unhandled error');
    return reply.code(HTTP_STATUS[error.code]).send({ error });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: { code: 'NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}` } }),
  );
}
