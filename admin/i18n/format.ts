import type { Language } from './index.js';

/** Date and time in the console's language, not the browser's (an en-US browser may show a Chinese console). */
export function formatDateTime(epochMs: number, language: Language): string {
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(epochMs);
}

/** The day alone, where the time of day says nothing (when an account was created). */
export function formatDate(epochMs: number, language: Language): string {
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(epochMs);
}
