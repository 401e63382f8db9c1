/**
 * Knowledge entries: admins create, change and delete them; agents read enabled ones. Every
 * change takes the next rev so workstations can sync "what changed after rev N"; a delete keeps
 * a tombstone for the same reason. Answers are parsed into the safe RichDoc before storing.
 */
import { uuidv7 } from '../../../shared/ids.js';
import type { KnowledgeChanges, KnowledgeEntry, NewKnowledgeEntryBody, UpdateKnowledgeEntryBody } from '../../../shared/knowledge.js';
import type { KnowledgeEntryPage } from '../../../shared/protocol/rest-knowledge.js';
import type { KnowledgeEntryRow } from '../../store/knowledge-types.js';
import { recordAudit, type Actor } from '../admin/audit.js';
import type { DomainContext, Principal } from '../context.js';
import { refuse } from '../errors.js';
import { listCategories } from './categories.js';
import { parseRichText, richDocToText } from '../../../shared/knowledge-rich-text.js';

type Staff = Extract<Principal, { kind: 'staff' }>;

export const toEntry = (row: KnowledgeEntryRow): KnowledgeEntry => ({
  id: row.id,
  categoryId: row.categoryId,
  question: row.question,
  keywords: row.keywords,
  answer: row.answer,
  answerText: row.answerText,
  enabled: row.enabled,
  rev: row.rev,
  updatedAt: row.updatedAt,
});

const isAdmin = (principal: Staff): boolean => principal.agent.role === 'admin';

/** What the audit log keeps of an entry: the answer as its text, readable in the log. */
const auditFields = (row: KnowledgeEntryRow) => ({
  question: row.question,
  categoryId: row.categoryId,
  keywords: row.keywords,
  enabled: row.enabled,
  answer: row.answerText,
});

/** Keywords trimmed, without duplicates (case-insensitive), order kept. */
function cleanKeywords(keywords: string[]): string[] {
  const seen = new Set<string>();
  return keywords.filter((k) => {
    const key = k.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function parseAnswer(source: string): Pick<KnowledgeEntryRow, 'answer' | 'answerText'> {
  const answer = parseRichText(source);
  const answerText = richDocToText(answer);
  if (!answerText.trim()) refuse('VALIDATION_FAILED', 'The answer has no text', { 'body.answer': 'empty' });
  return { answer, answerText };
}

function checkCategory(ctx: DomainContext, categoryId: string | null): void {
  if (categoryId !== null && !ctx.store.knowledge.categoryById(categoryId)) {
    refuse('VALIDATION_FAILED', 'No such category', { 'body.categoryId': 'unknown category' });
  }
}

/** `actor` null: a row of an import, which the log records once for the whole file (knowledge.import). */
export function createEntry(ctx: DomainContext, body: NewKnowledgeEntryBody, actor: Actor | null = null): KnowledgeEntry {
  const parsed = parseAnswer(body.answer);
  return ctx.store.transaction(() => {
    checkCategory(ctx, body.categoryId);
    const now = ctx.clock();
    const row: KnowledgeEntryRow = {
      id: uuidv7(now),
      categoryId: body.categoryId,
      question: body.question,
      keywords: cleanKeywords(body.keywords),
      ...parsed,
      enabled: body.enabled,
      deleted: false,
      rev: ctx.store.knowledge.nextRev(),
      createdAt: now,
      updatedAt: now,
    };
    ctx.store.knowledge.putEntry(row);
    if (actor) recordAudit(ctx, actor, 'knowledge.create', { type: 'knowledge', id: row.id }, null, auditFields(row));
    return toEntry(row);
  });
}

export function updateEntry(ctx: DomainContext, actor: Actor, id: string, patch: UpdateKnowledgeEntryBody): KnowledgeEntry {
  const parsed = patch.answer !== undefined ? parseAnswer(patch.answer) : undefined;
  return ctx.store.transaction(() => {
    const row = ctx.store.knowledge.entryById(id);
    if (!row || row.deleted) return refuse('NOT_FOUND', 'No such knowledge entry');
    if (patch.categoryId !== undefined) checkCategory(ctx, patch.categoryId);
    const next: KnowledgeEntryRow = {
      ...row,
      question: patch.question ?? row.question,
      categoryId: patch.categoryId !== undefined ? patch.categoryId : row.categoryId,
      keywords: patch.keywords ? cleanKeywords(patch.keywords) : row.keywords,
      ...(parsed ?? {}),
      enabled: patch.enabled ?? row.enabled,
      rev: ctx.store.knowledge.nextRev(),
      updatedAt: ctx.clock(),
    };
    ctx.store.knowledge.putEntry(next);
    recordAudit(ctx, actor, 'knowledge.update', { type: 'knowledge', id }, auditFields(row), auditFields(next));
    return toEntry(next);
  });
}

export function deleteEntry(ctx: DomainContext, actor: Actor, id: string): { ok: true } {
  return ctx.store.transaction(() => {
    const row = ctx.store.knowledge.entryById(id);
    if (!row || row.deleted) return refuse('NOT_FOUND', 'No such knowledge entry');
    // The tombstone keeps no content (a deleted answer should not linger anywhere) and no
    // category: the sync needs only its id and rev, and the category must stay deletable.
    ctx.store.knowledge.putEntry({
      ...row,
      categoryId: null,
      question: '',
      keywords: [],
      answer: [],
      answerText: '',
      deleted: true,
      rev: ctx.store.knowledge.nextRev(),
      updatedAt: ctx.clock(),
    });
    recordAudit(ctx, actor, 'knowledge.delete', { type: 'knowledge', id }, auditFields(row), null);
    return { ok: true as const };
  });
}

export function getEntry(ctx: DomainContext, principal: Staff, id: string): KnowledgeEntry {
  const row = ctx.store.knowledge.entryById(id);
  // An agent is told "not found" for a disabled entry: it does not exist for them.
  if (!row || row.deleted || (!row.enabled && !isAdmin(principal))) return refuse('NOT_FOUND', 'No such knowledge entry');
  return toEntry(row);
}

/** The console's filter (rest-knowledge.ts EntryFilter) as the repository's. */
interface EntryFilterQuery {
  categoryId?: string;
  q?: string;
  state?: 'enabled' | 'disabled';
}
const filterOf = (query: EntryFilterQuery) => ({
  categoryId: query.categoryId,
  text: query.q?.trim() || undefined,
  enabled: query.state === undefined ? undefined : query.state === 'enabled',
});

export function listEntries(ctx: DomainContext, query: EntryFilterQuery & { limit: number; offset: number }): KnowledgeEntryPage {
  const filter = filterOf(query);
  return {
    entries: ctx.store.knowledge.list({ ...filter, limit: query.limit, offset: query.offset }).map(toEntry),
    total: ctx.store.knowledge.count(filter),
  };
}

/** Pages read per query while exporting: every match, without one statement holding them all. */
const EXPORT_PAGE = 1000;

/** Every entry the filter matches, newest change first (the export). */
export function exportEntries(ctx: DomainContext, query: EntryFilterQuery): KnowledgeEntry[] {
  const filter = filterOf(query);
  // One transaction: a change made meanwhile cannot shift the pages and lose or repeat an entry.
  return ctx.store.transaction(() => {
    const entries: KnowledgeEntry[] = [];
    for (let offset = 0; ; offset += EXPORT_PAGE) {
      const page = ctx.store.knowledge.list({ ...filter, limit: EXPORT_PAGE, offset });
      entries.push(...page.map(toEntry));
      if (page.length < EXPORT_PAGE) return entries;
    }
  });
}

export function changesAfter(ctx: DomainContext, after: number, limit: number): KnowledgeChanges {
  const rows = ctx.store.knowledge.changesAfter(after, limit + 1);
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  // The feed feeds workstation search, so a disabled entry is a removal for admins too.
  return {
    changes: page.map((row) => ({ id: row.id, rev: row.rev, entry: row.deleted || !row.enabled ? null : toEntry(row) })),
    categories: listCategories(ctx),
    cursor: page.at(-1)?.rev ?? Math.max(after, 0),
    more,
  };
}
