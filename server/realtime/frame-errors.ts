/**
 * What a frame handler threw, as the AppError its client is sent. An unexpected error (INTERNAL)
 * reaches the client only as "something went wrong", so it is logged first: the frame's type, who
 * sent it (ids, not names) and the error with its stack — never the frame's text or a token.
 */
import type { AppError, ClientFrame } from '../../shared/index.js';
import type { Principal } from '../domain/context.js';
import { toAppError } from '../domain/errors.js';
import type { Client } from './client.js';

/** The part of the server's pino (Fastify) logger the hub writes to. */
export interface FrameLog {
  error(fields: Record<string, unknown>, message: string): void;
}

type FrameType = ClientFrame['type'];

/** Logs an unexpected failure of a frame from this client. */
export function logFrameFailure(log: FrameLog, client: Client, frame: FrameType, err: unknown): void {
  log.error({ err, frame, principal: principalRef(client.principal) }, 'realtime frame failed');
}

/** Maps err to the AppError the client gets, logging it when it was not a refusal the domain meant. */
export function frameError(log: FrameLog, client: Client, frame: FrameType, err: unknown): AppError {
  const error = toAppError(err);
  if (error.code === 'INTERNAL') logFrameFailure(log, client, frame, err);
  return error;
}

function principalRef(principal: Principal | null): Record<string, string> | null {
  if (!principal) return null;
  if (principal.kind === 'visitor') return { kind: 'visitor', visitorId: principal.visitor.id };
  return { kind: 'staff', agentId: principal.agent.id, role: principal.agent.role };
}
