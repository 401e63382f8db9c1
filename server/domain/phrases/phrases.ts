/**
 * Canned phrases and their categories. Public ones: admins only. Personal ones: their owner only,
 * whatever the caller's role (an admin does not edit an agent's own phrases).
 */
import { PHRASE_LIMITS, uuidv7 } from '../../../shared/index.js';
import type { NewPhraseBody, Phrase, PhraseCategory, PhraseList, PhraseScope, UpdatePhraseBody } from '../../../shared/phrases.js';
import type { AgentRow } from '../../store/types.js';
import type { DomainContext, Principal } from '../context.js';
import { refuse } from '../errors.js';
import { emitPhrasesChanged } from './changes.js';
import { auditPublicChange } from './public-audit.js';

type Staff = Extract<Principal, { kind: 'staff' }>;

/** The owner a row of this scope gets when the caller creates it; refuses agents making public rows. */
export function ownerFor(staff: Staff, scope: PhraseScope): string | null {
  if (scope === 'personal') return staff.agent.id;
  if (staff.agent.role !== 'admin') refuse('FORBIDDEN', 'Only admins manage public phrases');
  return null;
}

/** The caller may change this row: admins the public ones, an owner their personal ones. */
export function assertCanEdit(agent: AgentRow, row: { scope: PhraseScope; ownerId: string | null }, what: string): void {
  if (row.scope === 'public') {
    if (agent.role !== 'admin') refuse('FORBIDDEN', `Only admins manage public ${what}`);
  } else if (row.ownerId !== agent.id) {
    refuse('FORBIDDEN', `This ${what} belongs to another agent`);
  }
}

/** A category the new/changed phrase may point at: same scope and, if personal, the same owner. */
export function assertCategoryFits(ctx: DomainContext, categoryId: string | null | undefined, scope: PhraseScope, ownerId: string | null): void {
  if (!categoryId) return;
  const category = ctx.store.phraseCategories.byId(categoryId);
  if (!category || category.scope !== scope || category.ownerId !== ownerId) {
    refuse('VALIDATION_FAILED', 'Unknown category for this phrase', { categoryId: 'unknown category' });
  }
}

function assertRoom(count: number): void {
  if (count >= PHRASE_LIMITS.perOwnerMax) refuse('CAPACITY_REACHED', `At most ${PHRASE_LIMITS.perOwnerMax} here; delete some first`);
}

export function listPhrases(ctx: DomainContext, staff: Staff): PhraseList {
  return { categories: ctx.store.phraseCategories.visibleTo(staff.agent.id), phrases: ctx.store.phrases.visibleTo(staff.agent.id) };
}

export function createPhrase(ctx: DomainContext, staff: Staff, body: NewPhraseBody): Phrase {
  return ctx.store.transaction(() => {
    const ownerId = ownerFor(staff, body.scope);
    assertRoom(ctx.store.phrases.countFor(ownerId));
    assertCategoryFits(ctx, body.categoryId, body.scope, ownerId);
    const now = ctx.clock();
    const row: Phrase = {
      id: uuidv7(now),
      scope: body.scope,
      ownerId,
      categoryId: body.categoryId,
      kind: body.kind,
      title: body.title,
      content: body.content,
      shortcut: body.shortcut,
      hotkey: body.hotkey,
      sortOrder: body.sortOrder ?? ctx.store.phrases.nextSortOrder(ownerId),
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
    assertCanEdit(staff.agent, row, 'phrases');
    assertCategoryFits(ctx, patch.categoryId, row.scope, row.ownerId);
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
    assertCanEdit(staff.agent, row, 'phrases');
    ctx.store.phrases.remove(id);
    emitPhrasesChanged(ctx, row);
    auditPublicChange(ctx, staff, 'phrase', 'delete', row, row, null);
  });
  return { ok: true };
}

export function createPhraseCategory(ctx: DomainContext, staff: Staff, body: { scope: PhraseScope; name: string; sortOrder?: number }): PhraseCategory {
  return ctx.store.transaction(() => {
    const ownerId = ownerFor(staff, body.scope);
    assertRoom(ctx.store.phraseCategories.countFor(ownerId));
    const now = ctx.clock();
    const row: PhraseCategory = {
      id: uuidv7(now),
      scope: body.scope,
      ownerId,
      name: body.name,
      sortOrder: body.sortOrder ?? ctx.store.phraseCategories.nextSortOrder(ownerId),
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
    assertCanEdit(staff.agent, row, 'categories');
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
    assertCanEdit(staff.agent, row, 'categories');
    ctx.store.phraseCategories.remove(id);
    emitPhrasesChanged(ctx, row);
    auditPublicChange(ctx, staff, 'phraseCategory', 'delete', row, row, null);
  });
  return { ok: true };
}
