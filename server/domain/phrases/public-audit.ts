/**
 * Public and group phrases, their categories and canned files are company content managed in the
 * console: their changes go to the audit log (server/domain/admin/audit.ts) like every console
 * change. Personal ones are an agent's own notes, not a console change, and are not logged.
 */
import type { AuditAction } from '../../../shared/index.js';
import type { PhraseScope } from '../../../shared/phrases.js';
import type { DomainContext, Principal } from '../context.js';
import { recordAudit } from '../admin/audit.js';
import { groupOf } from './group-scope.js';

type Staff = Extract<Principal, { kind: 'staff' }>;
type Kind = 'phrase' | 'phraseCategory' | 'filePhrase';
type Row = { id: string; scope: PhraseScope };

/** What an admin or leader set on each kind of row (not its bookkeeping: owner, scope, updatedAt); the group says whose it is. */
const FIELDS: Record<Kind, readonly string[]> = {
  phrase: ['kind', 'title', 'content', 'categoryId', 'shortcut', 'hotkey', 'sortOrder'],
  phraseCategory: ['name', 'sortOrder'],
  filePhrase: ['name', 'size', 'mime', 'categoryId', 'sortOrder'],
};

const pick = (kind: Kind, row: object | null) =>
  row && {
    ...groupOf(row as { groupId?: string | null }),
    ...Object.fromEntries(FIELDS[kind].map((field) => [field, (row as Record<string, unknown>)[field]])),
  };

/** Logs a change of a public or group row (inside the change's transaction); personal rows are skipped. */
export function auditPublicChange<R extends Row>(
  ctx: DomainContext,
  staff: Staff,
  kind: Kind,
  change: 'create' | 'update' | 'delete',
  row: R,
  before: Partial<R> | null,
  after: Partial<R> | null,
): void {
  if (row.scope === 'personal') return;
  recordAudit(ctx, staff.agent, `${kind}.${change}` as AuditAction, { type: kind, id: row.id }, pick(kind, before), pick(kind, after));
}
