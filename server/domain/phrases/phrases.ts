/**
 * Canned phrases and their categories. Public ones: admins only. A group's: admins and that group's
 * 组长 (./group-scope.ts). Personal ones: their owner only, whatever the caller's role (an admin does
 * not edit an agent's own phrases).
 */
import { PHRASE_LIMITS, uuidv7 } from '../../../shared/index.js';
import type { ContentScopeFilter } from '../../../shared/content-scope.js';
import type { NewPhraseBody, Phrase, PhraseCategory, PhraseList, PhraseScope, UpdatePhraseBody } from '../../../shared/phrases.js';
import type { PhraseOwner, PhraseReader } from '../../store/phrase-types.js';
import type { AgentRow } from '../../store/types.js';
import type { DomainContext, Principal } from '../context.js';
import { refuse } from '../errors.js';
import { emitPhrasesChanged } from './changes.js';
import { auditPublicChange } from './public-audit.js';
import { assertManagesGroupContent, assertManagesPublicContent, consoleContentView } from './group-scope.js';

type Staff = Extract<Principal, { kind: 'staff' }>;

/** Whose a new row of this scope is; refuses a caller who may not add there (an agent: public or group rows). */
export function ownerFor(ctx: DomainContext, staff: Staff, scope: PhraseScope, groupId: string | null, what = 'phrases'): PhraseOwner {
  if (scope === 'personal') return { scope, ownerId: staff.agent.id, groupId: null };
  if (scope === 'group') {
    // The schema makes a group row name its group; checked again for callers that skip it.
    if (groupId === null) return refuse('VALIDATION_FAILED', 'A group phrase names its skill group', { groupId: 'required' });
    assertManagesGroupContent(ctx, staff.agent, groupId);
    return { scope, ownerId: null, groupId };
  }
  assertManagesPublicContent(staff.agent, what);
  return { scope, ownerId: null, groupId: null };
}

/** The owner part of a row (its scope, agent and group): what its category must share, what bounds its number. */
export const ownerOf = (row: PhraseOwner): PhraseOwner => ({ scope: row.scope, ownerId: row.ownerId, groupId: row.groupId });

/** The caller may change this row: admins the public ones, admins and its 组长 a group's, an owner their personal ones. */
export function assertCanEdit(ctx: DomainContext, agent: AgentRow, row: PhraseOwner, what: string): void {
  if (row.scope === 'public') assertManagesPublicContent(agent, what);
  else if (row.scope === 'group') assertManagesGroupContent(ctx, agent, row.groupId!);
  else if (row.ownerId !== agent.id) refuse('FORBIDDEN', `This ${what} belongs to another agent`);
}

/** A category the new/changed phrase may point at: the same owner (the company, the same group or the same agent). */
export function assertCategoryFits(ctx: DomainContext, categoryId: string | null | undefined, owner: PhraseOwner): void {
  if (!categoryId) return;
  const category = ctx.store.phraseCategories.byId(categoryId);
  if (!category || category.scope !== owner.scope || category.ownerId !== owner.ownerId || category.groupId !== owner.groupId) {
    refuse('VALIDATION_FAILED', 'Unknown category for this phrase', { categoryId: 'unknown category' });
  }
}

/** What the workstation reads: the company's rows, the reader's group's and their own. */
export const readerOf = (staff: Staff): PhraseReader => ({ agentId: staff.agent.id, groupId: staff.agent.groupId });

function assertRoom(count: number): void {
  if (count >= PHRASE_LIMITS.perOwnerMax) refuse('CAPACITY_REACHED', `At most ${PHRASE_LIMITS.perOwnerMax} here; delete some first`);
}

export function listPhrases(ctx: DomainContext, staff: Staff): PhraseList {
  const reader = readerOf(staff);
  return { categories: ctx.store.phraseCategories.visibleTo(reader), phrases: ctx.store.phrases.visibleTo(reader) };
}

/** The console's list: the company's and the groups' rows the caller manages, as the filter narrows them. */
export function listManagedPhrases(ctx: DomainContext, staff: Staff, filter: ContentScopeFilter): PhraseList {
  const view = consoleContentView(ctx, staff.agent, filter);
  return { categories: ctx.store.phraseCategories.shared(view), phrases: ctx.store.phrases.shared(view) };
}

export function createPhrase(ctx: DomainContext, staff: Staff, body: NewPhraseBody): Phrase {
  return ctx.store.transaction(() => {
    const owner = ownerFor(ctx, staff, body.scope, body.groupId);
    assertRoom(ctx.store.phrases.countFor(owner));
    assertCategoryFits(ctx, body.categoryId, owner);
    const now = ctx.clock();
    const row: Phrase = {
      id: uuidv7(now),
      ...owner,
      categoryId: body.categoryId,
      kind: body.kind,
      title: body.title,
      content: body.content,
      shortcut: body.shortcut,
      hotkey: body.hotkey,
      sortOrder: body.sortOrder ?? ctx.store.phrases.nextSortOrder(owner),
      updatedAt: now,
    };
    ctx.store.phrases.insert(row);
    emitPhrasesChanged(ctx, row);
    auditPublicChange(ctx, staff, 'phrase', 'create', row, null, row);
    return row;
  });
}

export function updatePhrase(ctx: DomainContext, staff: Staff, id: string, patch: UpdatePhraseBody): Phrase {
  return ctx.store.transaction(() => {
    const row = ctx.store.phrases.byId(id) ?? refuse('NOT_FOUND', 'No such phrase');
    assertCanEdit(ctx, staff.agent, row, 'phrases');
    assertCategoryFits(ctx, patch.categoryId, ownerOf(row));
    const next = { ...row, ...patch };
    // The schema checks a link's URL only when kind and content come together; check the merge.
    if (next.kind === 'link' && !/^https?:\/\/[^\s/?#]+\S*$/i.test(next.content)) {
      refuse('VALIDATION_FAILED', 'A link must be an http:// or https:// URL', { content: 'not a web URL' });
    }
    const updatedAt = ctx.clock();
    ctx.store.phrases.update(id, { ...patch, updatedAt });
    emitPhrasesChanged(ctx, row);
    auditPublicChange(ctx, staff, 'phrase', 'update', row, row, next);
    return { ...next, updatedAt };
  });
}

export function deletePhrase(ctx: DomainContext, staff: Staff, id: string): { ok: true } {
  ctx.store.transaction(() => {
    const row = ctx.store.phrases.byId(id) ?? refuse('NOT_FOUND', 'No such phrase');
    assertCanEdit(ctx, staff.agent, row, 'phrases');
    ctx.store.phrases.remove(id);
    emitPhrasesChanged(ctx, row);
    auditPublicChange(ctx, staff, 'phrase', 'delete', row, row, null);
  });
  return { ok: true };
}

export function createPhraseCategory(
  ctx: DomainContext,
  staff: Staff,
  body: { scope: PhraseScope; groupId: string | null; name: string; sortOrder?: number },
): PhraseCategory {
  return ctx.store.transaction(() => {
    const owner = ownerFor(ctx, staff, body.scope, body.groupId, 'categories');
    assertRoom(ctx.store.phraseCategories.countFor(owner));
    const now = ctx.clock();
    const row: PhraseCategory = {
      id: uuidv7(now),
      ...owner,
      name: body.name,
      sortOrder: body.sortOrder ?? ctx.store.phraseCategories.nextSortOrder(owner),
      updatedAt: now,
    };
    ctx.store.phraseCategories.insert(row);
    emitPhrasesChanged(ctx, row);
    auditPublicChange(ctx, staff, 'phraseCategory', 'create', row, null, row);
    return row;
  });
}

export function updatePhraseCategory(ctx: DomainContext, staff: Staff, id: string, patch: { name?: string; sortOrder?: number }): PhraseCategory {
  return ctx.store.transaction(() => {
    const row = ctx.store.phraseCategories.byId(id) ?? refuse('NOT_FOUND', 'No such category');
    assertCanEdit(ctx, staff.agent, row, 'categories');
    const updatedAt = ctx.clock();
    ctx.store.phraseCategories.update(id, { ...patch, updatedAt });
    emitPhrasesChanged(ctx, row);
    auditPublicChange(ctx, staff, 'phraseCategory', 'update', row, row, { ...row, ...patch });
    return { ...row, ...patch, updatedAt };
  });
}

export function deletePhraseCategory(ctx: DomainContext, staff: Staff, id: string): { ok: true } {
  ctx.store.transaction(() => {
    const row = ctx.store.phraseCategories.byId(id) ?? refuse('NOT_FOUND', 'No such category');
    assertCanEdit(ctx, staff.agent, row, 'categories');
    ctx.store.phraseCategories.remove(id);
    emitPhrasesChanged(ctx, row);
    auditPublicChange(ctx, staff, 'phraseCategory', 'delete', row, row, null);
  });
  return { ok: true };
}
