import type { TFunction } from 'i18next';
import { splitDuration } from './conversationLogic.js';

export function formatDuration(t: TFunction, ms: number): string {
  const d = splitDuration(ms);
  return t(`time.${d.unit}`, { h: d.h, m: d.m, s: d.s });
}
