/** Knowledge categories (知识库分类): a short admin-managed list. */
import { uuidv7 } from '../../../shared/ids.js';
import type { KnowledgeCategory } from '../../../shared/knowledge.js';
import type { KnowledgeCategoryRow } from '../../store/knowledge-types.js';
import { recordAudit, type Actor } from '../admin/audit.js';
import type { DomainContext } from '../context.js';
import { refuse } from '../errors.js';

export const toCategory = (row: KnowledgeCategoryRow): KnowledgeCategory => ({ id: row.id, name: row.name, sortOrder: row.sortOrder });

export function listCategories(ctx: DomainContext): KnowledgeCategory[] {
  return ctx.store.knowledge.categories().map(toCategory);
}

/** Inside a transaction: the category with this name, created when missing (imports name categories). */
export function categoryNamed(ctx: DomainContext, name: string): KnowledgeCategoryRow {
  const existing = ctx.store.knowledge.categoryByName(name);
  if (existing) return existing;
  const now = ctx.clock();
  const row: KnowledgeCategoryRow = { id: uuidv7(now), name, sortOrder: 0, createdAt: now };
  ctx.store.knowledge.insertCategory(row);
  return row;
}

export function createCategory(ctx: DomainContext, actor: Actor, body: { name: string; sortOrder: number }): KnowledgeCategory {
  return ctx.store.transaction(() => {
    if (ctx.store.knowledge.categoryByName(body.name)) refuse('CONFLICT', 'A category with this name exists', { name: 'taken' });
    const now = ctx.clock();
    const row: KnowledgeCategoryRow = { id: uuidv7(now), name: body.name, sortOrder: body.sortOrder, createdAt: now };
    ctx.store.knowledge.insertCategory(row);
    recordAudit(ctx, actor, 'knowledgeCategory.create', { type: 'knowledgeCategory', id: row.id }, null, { name: row.name, sortOrder: row.sortOrder });
    return toCategory(row);
  });
}

export function updateCategory(ctx: DomainContext, actor: Actor, id: string, patch: { name?: string; sortOrder?: number }): KnowledgeCategory {
  return ctx.store.transaction(() => {
    const row = ctx.store.knowledge.categoryById(id) ?? refuse('NOT_FOUND', 'No such category');
    if (patch.name !== undefined && patch.name !== row.name && ctx.store.knowledge.categoryByName(patch.name)) {
      refuse('CONFLICT', 'A category with this name exists', { name: 'taken' });
    }
    const next = { ...row, name: patch.name ?? row.name, sortOrder: patch.sortOrder ?? row.sortOrder };
    ctx.store.knowledge.updateCategory(next);
    recordAudit(
      ctx,
      actor,
      'knowledgeCategory.update',
      { type: 'knowledgeCategory', id },
      { name: row.name, sortOrder: row.sortOrder },
      { name: next.name, sortOrder: next.sortOrder },
    );
    return toCategory(next);
  });
}

export function deleteCategory(ctx: DomainContext, actor: Actor, id: string): { ok: true } {
  return ctx.store.transaction(() => {
    const row = ctx.store.knowledge.categoryById(id) ?? refuse('NOT_FOUND', 'No such category');
    if (ctx.store.knowledge.countInCategory(id) > 0) refuse('CONFLICT', 'Move or delete the entries of this category first');
    ctx.store.knowledge.deleteCategory(id);
    recordAudit(ctx, actor, 'knowledgeCategory.delete', { type: 'knowledgeCategory', id }, { name: row.name, sortOrder: row.sortOrder }, null);
    return { ok: true as const };
  });
}
