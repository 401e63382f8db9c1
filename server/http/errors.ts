/**
 * Every error leaves as { error: { code, message, details? } } with the status of its code, from
 * whichever layer raised it: our handlers, Fastify's content parsers, the router (bad percent-
 * encoding, over-long parameters), Node's HTTP parser (garbage, oversized headers), plugins.
 */
import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { HTTP_STATUS, type AppError } from '../../shared/index.js';
import { toAppError } from '../domain/errors.js';

const sendError = (reply: FastifyReply, error: AppError): FastifyReply => reply.code(HTTP_STATUS[error.code]).send({ error });

/** Errors the router raises before any route runs (Fastify's frameworkErrors option). */
export function frameworkError(err: FastifyError, _request: FastifyRequest, reply: FastifyReply): FastifyReply {
  switch (err.code) {
    case 'FST_ERR_BAD_URL':
      return sendError(reply, {
        code: 'VALIDATION_FAILED',
        message: 'The URL is not valid: a path segment has invalid percent-encoding',
        details: { params: 'invalid percent-encoding' },
      });
    case 'FST_ERR_MAX_PARAM_LENGTH':
      // Fastify would answer 414, a status the contract does not have: an over-long id is bad input like any other.
      return sendError(reply, { code: 'VALIDATION_FAILED', message: 'A path parameter is too long', details: { params: 'too long' } });
    default:
      return sendError(reply, toAppError(err));
  }
}

/** What Node's HTTP parser refused, before Fastify saw a request; written straight to the socket. */
export function clientError(err: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const error: AppError =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? { code: 'PAYLOAD_TOO_LARGE', message: 'The request headers are too large' }
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? { code: 'TIMEOUT', message: 'The request did not arrive in time' }
        : { code: 'VALIDATION_FAILED', message: 'The request is not valid HTTP' };
  if (!socket.writable) return void socket.destroy();
  const status = HTTP_STATUS[error.code];
  const body = JSON.stringify({ error });
  const head = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`;
  // Destroy only once the answer is flushed; the client may still be sending what we refused.
  socket.end(head + body, () => socket.destroy());
}

/** The Fastify options that route framework and parser errors through the envelope. */
export const errorEnvelopeOptions = {
  frameworkErrors: frameworkError,
  clientErrorHandler: clientError,
} satisfies Pick<FastifyServerOptions, 'frameworkErrors' | 'clientErrorHandler'>;

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const error = toAppError(err);
    if (error.code === 'INTERNAL') request.log.error({ err }, 'unhandled error');
    return sendError(reply, error);
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, { code: 'NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}` }));
}

/** The realtime endpoint answered without an Upgrade header. */
export function refuseNonWebSocket(_request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendError(reply, { code: 'VALIDATION_FAILED', message: 'Open a WebSocket here (Upgrade: websocket)' });
}
