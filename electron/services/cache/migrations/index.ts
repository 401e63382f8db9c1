/**
 * Numbered migrations of the workstation cache, applied in order inside one transaction each.
 * A migration is never edited once shipped: add the next number instead.
 */
import { migration001 } from './001-initial.js';
import { migration002 } from './002-calls.js';
import { migration003 } from './003-phrases.js';
import { migration004 } from './004-knowledge.js';
import { migration006 } from './006-file-phrases.js';
import { migration007 } from './007-message-style.js';
import { migration008 } from './008-knowledge-bigrams.js';
import { migration009 } from './009-session-refresh-token.js';
import { migration010 } from './010-server-binding.js';
import { migration011 } from './011-prune-closed.js';
import { migration013 } from './013-notices.js';
import { migration014 } from './014-group-content.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration013,
  migration014,
];
