import type { TFunction } from 'i18next';
import type { AppError } from '../../shared/errors.js';

/** Why 立即重启 waits, in the agent's language: a call, or messages not yet sent; else the services' words. */
export function restartErrorText(t: TFunction, error: AppError): string {
  const reason = error.details?.reason;
  if (reason === 'call' || reason === 'outbox') return t(`updates.blocked.${reason}`);
  return t('updates.failed', { message: error.message });
}
