/**
 * Knowledge entries: admins create, change and delete them (a 组长 their group's:
 * ../phrases/group-scope.ts); agents read the enabled ones of the company and of their group. Every
 * change takes the next rev so workstations can sync "what changed after rev N"; a delete keeps
 * a tombstone for the same reason. Answers are parsed into the safe RichDoc before storing.
 */
import { uuidv7 } from '../../../shared/ids.js';
import type { KnowledgeChanges, KnowledgeEntry, NewKnowledgeEntryBody, UpdateKnowledgeEntryBody } from '../../../shared/knowledge.js';
import type { KnowledgeEntryPage } from '../../../shared/protocol/rest-knowledge.js';
import type { KnowledgeEntryRow } from '../../store/knowledge-types.js';
import type { ContentScopeFilter } from '../../../shared/content-scope.js';
import { recordAudit } from '../admin/audit.js';
import type { ConsoleActor } from '../admin/console-scope.js';
import { assertManagesContentOf, consoleContentView, groupOf, readerGroups } from '../phrases/group-scope.js';
import type { DomainContext, Principal } from '../context.js';
import { refuse } from '../errors.js';
import { listCategories } from './categories.js';
import type { AgentRow } from '../../store/types.js';
import { parseRichText, richDocToText } from '../../../shared/knowledge-rich-text.js';

type Staff = Extract<Principal, { kind: 'staff' }>;

export const toEntry = (row: KnowledgeEntryRow): KnowledgeEntry => ({
  id: row.id,
  groupId: row.groupId,
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
  ...groupOf(row),
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

/** An entry's category is of the same owner: the company's for the company's entries, the group's for a group's. */
function checkCategory(ctx: DomainContext, categoryId: string | null, groupId: string | null): void {
  if (categoryId === null) return;
  const category = ctx.store.knowledge.categoryById(categoryId);
  if (!category || category.groupId !== groupId) refuse('VALIDATION_FAILED', 'No such category', { 'body.categoryId': 'unknown category' });
}

/** `actor` null: a row of an import (the company's; the route is admins'), which the log records once for the whole file (knowledge.import). */
export function createEntry(ctx: DomainContext, body: NewKnowledgeEntryBody, actor: ConsoleActor | null = null): KnowledgeEntry {
  const parsed = parseAnswer(body.answer);
  return ctx.store.transaction(() => {
    if (actor) assertManagesContentOf(ctx, actor, body.groupId, 'knowledge');
    checkCategory(ctx, body.categoryId, body.groupId);
    const now = ctx.clock();
    const row: KnowledgeEntryRow = {
      id: uuidv7(now),
      groupId: body.groupId,
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

export function updateEntry(ctx: DomainContext, actor: ConsoleActor, id: string, patch: UpdateKnowledgeEntryBody): KnowledgeEntry {
  const parsed = patch.answer !== undefined ? parseAnswer(patch.answer) : undefined;
  return ctx.store.transaction(() => {
    const row = ctx.store.knowledge.entryById(id);
    if (!row || row.deleted) return refuse('NOT_FOUND', 'No such knowledge entry');
    assertManagesContentOf(ctx, actor, row.groupId, 'knowledge');
    if (patch.categoryId !== undefined) checkCategory(ctx, patch.categoryId, row.groupId);
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

export function deleteEntry(ctx: DomainContext, actor: ConsoleActor, id: string): { ok: true } {
  return ctx.store.transaction(() => {
    const row = ctx.store.knowledge.entryById(id);
    if (!row || row.deleted) return refuse('NOT_FOUND', 'No such knowledge entry');
    assertManagesContentOf(ctx, actor, row.groupId, 'knowledge');
    // The tombstone keeps no content (a deleted answer should not linger anywhere) and no
    // category: the sync needs only its id and rev, and the category must stay deletable. It keeps
    // its group, which says who may hear of it.
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

/** Whether a staff member reads this entry at the workstation: the company's, or their own group's. */
const readsEntry = (agent: Pick<AgentRow, 'groupId'>, row: KnowledgeEntryRow): boolean => row.groupId === null || readerGroups(agent).includes(row.groupId);

export function getEntry(ctx: DomainContext, principal: Staff, id: string): KnowledgeEntry {
  const row = ctx.store.knowledge.entryById(id);
  // An agent is told "not found" for a disabled entry or another group's: it does not exist for them.
  if (!row || row.deleted || (!isAdmin(principal) && (!row.enabled || !readsEntry(principal.agent, row))))
    return refuse('NOT_FOUND', 'No such knowledge entry');
  return toEntry(row);
}

/** The console's filter (rest-knowledge.ts EntryFilter) as the repository's. */
interface EntryFilterQuery extends ContentScopeFilter {
  categoryId?: string;
  q?: string;
  state?: 'enabled' | 'disabled';
}
const filterOf = (ctx: DomainContext, actor: ConsoleActor, query: EntryFilterQuery) => ({
  ...consoleContentView(ctx, actor, query),
  categoryId: query.categoryId,
  text: query.q?.trim() || undefined,
  enabled: query.state === undefined ? undefined : query.state === 'enabled',
});

export function listEntries(ctx: DomainContext, actor: ConsoleActor, query: EntryFilterQuery & { limit: number; offset: number }): KnowledgeEntryPage {
  const filter = filterOf(ctx, actor, query);
  return {
    entries: ctx.store.knowledge.list({ ...filter, limit: query.limit, offset: query.offset }).map(toEntry),
    total: ctx.store.knowledge.count(filter),
  };
}

/** Pages read per query while exporting: every match, without one statement holding them all. */
const EXPORT_PAGE = 1000;

/** Every entry the filter matches, newest change first (the export). */
export function exportEntries(ctx: DomainContext, actor: ConsoleActor, query: EntryFilterQuery): KnowledgeEntry[] {
  const filter = filterOf(ctx, actor, query);
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

/**
 * The workstation's feed. It feeds workstation search, so a disabled entry is a removal for admins
 * too, and so is another group's (its id and rev only: nothing of its content). `groups` names the
 * reader's view; the workstation starts over when it changes (shared/knowledge.ts).
 */
export function changesAfter(ctx: DomainContext, reader: Pick<AgentRow, 'groupId'>, after: number, limit: number): KnowledgeChanges {
  const rows = ctx.store.knowledge.changesAfter(after, limit + 1);
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  return {
    changes: page.map((row) => ({ id: row.id, rev: row.rev, entry: row.deleted || !row.enabled || !readsEntry(reader, row) ? null : toEntry(row) })),
    categories: listCategories(ctx, reader),
    groups: readerGroups(reader),
    cursor: page.at(-1)?.rev ?? Math.max(after, 0),
    more,
  };
}
