import type { TFunction } from 'i18next';
import type { AppError } from '../../shared/errors.js';
import { formatTime } from '../i18n/format-time.js';

/**
 * What the login page says about a refused login. The two brute-force refusals get the agent's
 * language with when to come back (the server gives the seconds, the clock here makes them a
 * local time); anything else shows the server's own message.
 */
export function loginErrorText(t: TFunction, error: AppError, now: number): string {
  const seconds = Number(error.details?.retryAfterSeconds);
  if (!Number.isFinite(seconds) || seconds <= 0) return error.message;
  const minutes = Math.ceil(seconds / 60);
  switch (error.code) {
    case 'ACCOUNT_LOCKED': {
      const until = new Date(now + seconds * 1000);
      return t('login.accountLocked', { time: formatTime(until, 'shortTime'), minutes });
    }
    case 'RATE_LIMITED':
      return t('login.tooManyAttempts', { minutes });
    default:
      return error.message;
  }
}
