import type { TFunction } from 'i18next';
import type { AppError } from '../../shared/errors.js';

const PROBLEMS = new Set(['empty', 'too-long', 'scheme', 'malformed', 'credentials', 'path', 'unreachable', 'not-kefu']);

/**
 * What the login page says about a refused switch of 服务器地址: the services name the reason
 * (details.reason) — the address's form, nobody answering, not a Kefu Desk server — and the agent
 * reads it in their language; anything else is shown with the services' own message.
 */
export function switchErrorText(t: TFunction, error: AppError, url: string): string {
  const reason = error.details?.reason;
  if (reason && PROBLEMS.has(reason)) return t(`server.problem.${reason}`, { url });
  return t('server.failed', { message: error.message });
}
