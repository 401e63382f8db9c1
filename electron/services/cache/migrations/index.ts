/**
 * Numbered migrations of the workstation cache, applied in order inside one transaction each.
 * A migration is never edited once shipped: add the next number instead.
 */
import { migration001 } from './001-initial.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [migration001];
