/** How long ago, for the live list's waiting columns (ticking locally from the server's timestamps). */
import type { TFunction } from 'i18next';

export function elapsed(t: TFunction, since: number | null, now: number): string {
  if (since === null) return t('supervision.none');
  const total = Math.max(0, Math.floor((now - since) / 1000));
  return total < 60 ? t('supervision.seconds', { count: total }) : t('supervision.minutes', { minutes: Math.floor(total / 60), seconds: total % 60 });
}
