import type { ErrorCode } from '../../shared/index.js';

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
