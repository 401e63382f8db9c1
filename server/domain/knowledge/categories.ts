/**
 * Knowledge categories (知识库分类): a short list managed in the console — the company's by admins, a
 * group's by admins and its 组长 (../phrases/group-scope.ts). Names are unique company-wide.
 */
import { uuidv7 } from '../../../shared/ids.js';
import type { ContentScopeFilter } from '../../../shared/content-scope.js';
import type { KnowledgeCategory } from '../../../shared/knowledge.js';
import type { KnowledgeCategoryRow } from '../../store/knowledge-types.js';
import type { AgentRow } from '../../store/types.js';
import { recordAudit } from '../admin/audit.js';
import type { ConsoleActor } from '../admin/console-scope.js';
import type { DomainContext } from '../context.js';
import { refuse } from '../errors.js';
import { assertManagesContentOf, consoleContentView, groupOf, readerGroups } from '../phrases/group-scope.js';

export const toCategory = (row: KnowledgeCategoryRow): KnowledgeCategory => ({ id: row.id, groupId: row.groupId, name: row.name, sortOrder: row.sortOrder });

/** The categories a staff member sees at the workstation: the company's and their group's. */
export function listCategories(ctx: DomainContext, reader: Pick<AgentRow, 'groupId'>): KnowledgeCategory[] {
  return ctx.store.knowledge.categories({ public: true, groupIds: readerGroups(reader) }).map(toCategory);
}

/** The console's list: the categories the caller manages, as the filter narrows them. */
export function listManagedCategories(ctx: DomainContext, actor: ConsoleActor, filter: ContentScopeFilter): KnowledgeCategory[] {
  return ctx.store.knowledge.categories(consoleContentView(ctx, actor, filter)).map(toCategory);
}

const auditFields = (row: KnowledgeCategoryRow) => ({ ...groupOf(row), name: row.name, sortOrder: row.sortOrder });

/** Inside a transaction: the category with this name, created when missing (imports name categories). */
export function categoryNamed(ctx: DomainContext, name: string): KnowledgeCategoryRow {
  const existing = ctx.store.knowledge.categoryByName(name);
  if (existing) return existing;
  const now = ctx.clock();
  const row: KnowledgeCategoryRow = { id: uuidv7(now), groupId: null, name, sortOrder: 0, createdAt: now };
  ctx.store.knowledge.insertCategory(row);
  return row;
}

export function createCategory(ctx: DomainContext, actor: ConsoleActor, body: { groupId: string | null; name: string; sortOrder: number }): KnowledgeCategory {
  return ctx.store.transaction(() => {
    assertManagesContentOf(ctx, actor, body.groupId, 'knowledge categories');
    if (ctx.store.knowledge.categoryByName(body.name)) refuse('CONFLICT', 'A category with this name exists', { name: 'taken' });
    const now = ctx.clock();
    const row: KnowledgeCategoryRow = { id: uuidv7(now), groupId: body.groupId, name: body.name, sortOrder: body.sortOrder, createdAt: now };
    ctx.store.knowledge.insertCategory(row);
    recordAudit(ctx, actor, 'knowledgeCategory.create', { type: 'knowledgeCategory', id: row.id }, null, auditFields(row));
    return toCategory(row);
  });
}

export function updateCategory(ctx: DomainContext, actor: ConsoleActor, id: string, patch: { name?: string; sortOrder?: number }): KnowledgeCategory {
  return ctx.store.transaction(() => {
    const row = ctx.store.knowledge.categoryById(id) ?? refuse('NOT_FOUND', 'No such category');
    assertManagesContentOf(ctx, actor, row.groupId, 'knowledge categories');
    if (patch.name !== undefined && patch.name !== row.name && ctx.store.knowledge.categoryByName(patch.name)) {
      refuse('CONFLICT', 'A category with this name exists', { name: 'taken' });
    }
    const next = { ...row, name: patch.name ?? row.name, sortOrder: patch.sortOrder ?? row.sortOrder };
    ctx.store.knowledge.updateCategory(next);
    recordAudit(ctx, actor, 'knowledgeCategory.update', { type: 'knowledgeCategory', id }, auditFields(row), auditFields(next));
    return toCategory(next);
  });
}

export function deleteCategory(ctx: DomainContext, actor: ConsoleActor, id: string): { ok: true } {
  return ctx.store.transaction(() => {
    const row = ctx.store.knowledge.categoryById(id) ?? refuse('NOT_FOUND', 'No such category');
    assertManagesContentOf(ctx, actor, row.groupId, 'knowledge categories');
    if (ctx.store.knowledge.countInCategory(id) > 0) refuse('CONFLICT', 'Move or delete the entries of this category first');
    ctx.store.knowledge.deleteCategory(id);
    recordAudit(ctx, actor, 'knowledgeCategory.delete', { type: 'knowledgeCategory', id }, auditFields(row), null);
    return { ok: true as const };
  });
}
