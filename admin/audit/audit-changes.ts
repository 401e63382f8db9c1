/**
 * An audit entry's before/after snapshots as words a person reads: only the fields that changed
 * on an update, every field of what was created or deleted; names instead of ids where known.
 */
import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../shared/protocol/rest-admin.js';
import { formatDateTime } from '../i18n/format.js';
import type { Language } from '../i18n/index.js';

export interface FieldChange {
  field: string;
  before?: unknown;
  after?: unknown;
}

/** Fields that are bookkeeping, not something the admin changed. */
const HIDDEN = new Set(['id', 'createdAt', 'updatedAt', 'load', 'connected', 'status', 'notRespondingSince']);

export function changedFields(entry: AuditEntry): FieldChange[] {
  const { before, after } = entry;
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((key) => !HIDDEN.has(key));
  if (before && after) {
    return keys
      .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      .map((key) => ({ field: key, before: before[key], after: after[key] }));
  }
  // What was created or deleted: the fields it had (an empty one says nothing).
  const isSet = (value: unknown) => value !== null && value !== undefined && value !== '';
  if (after) return keys.filter((key) => isSet(after[key])).map((key) => ({ field: key, after: after[key] }));
  if (before) return keys.filter((key) => isSet(before[key])).map((key) => ({ field: key, before: before[key] }));
  return [];
}

export interface DescribeContext {
  t: TFunction;
  language: Language;
  groupName: (id: string) => string | undefined;
}

function fieldLabel(field: string, t: TFunction): string {
  for (const key of [`audit.fields.${field}`, `settings.fields.${field}`]) {
    if (t(key, { defaultValue: '' })) return t(key);
  }
  return field;
}

function valueText(field: string, value: unknown, { t, language, groupName }: DescribeContext): string {
  // The server logs a reset as passwordReset false → true, never the password itself.
  if (field === 'passwordReset') return value === true ? t('audit.passwordChanged') : t('app.none');
  if (value === null || value === undefined || value === '') return t('app.none');
  if (field === 'password') return t('audit.passwordChanged');
  if (typeof value === 'boolean') return value ? t('app.yes') : t('app.no');
  if (field === 'groupId' && typeof value === 'string') return groupName(value) ?? value;
  if (field === 'role' && (value === 'admin' || value === 'agent')) return t(`role.${value}`);
  if (field.endsWith('At') && typeof value === 'number') return formatDateTime(value, language);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** One line per field: "昵称：小王 → 王小明" for an update, "昵称：小王" for a create or delete. */
export function describeChanges(entry: AuditEntry, context: DescribeContext): string[] {
  return changedFields(entry).map(({ field, before, after }) => {
    const label = fieldLabel(field, context.t);
    if (entry.before && entry.after) {
      return context.t('audit.changeLine', { field: label, before: valueText(field, before, context), after: valueText(field, after, context) });
    }
    return context.t('audit.valueLine', { field: label, value: valueText(field, entry.after ? after : before, context) });
  });
}

/** What the entry is about: the account or name in its snapshot, else the known name of its id. */
export function targetText(entry: AuditEntry, context: DescribeContext & { targetName: (entry: AuditEntry) => string | undefined }): string {
  const type = context.t(`audit.targets.${entry.targetType}`);
  if (entry.targetType === 'settings') return type;
  const snapshot = entry.after ?? entry.before ?? {};
  const name =
    [snapshot.account, snapshot.name, snapshot.title, snapshot.question, snapshot.nickname].find((v): v is string => typeof v === 'string') ??
    context.targetName(entry) ??
    entry.targetId ??
    '';
  return `${type} ${name}`.trim();
}
