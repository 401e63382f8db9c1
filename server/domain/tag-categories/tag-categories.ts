/**
 * 名片分类 as managed tag categories (shared/tag-categories.ts): admins add, rename, reorder and
 * delete categories and set each one's tags; every change is audit-logged in its transaction.
 * A tag name belongs to one category only, so an agent's pick is never ambiguous.
 */
import { uuidv7 } from '../../../shared/index.js';
import { TAG_CATEGORY_LIMITS, type NewTagCategoryBody, type TagCategory, type UpdateTagCategoryBody } from '../../../shared/tag-categories.js';
import type { TagCategoryWithTags } from '../../store/tag-category-types.js';
import type { DomainContext } from '../context.js';
import { refuse } from '../errors.js';
import { recordAudit, type Actor } from '../admin/audit.js';
import { audience } from '../../store/types.js';

/**
 * The `tag-categories.changed` hint to every staff member, in the change's transaction: open
 * workstations re-read the categories now, one that was offline on replay (no restart).
 */
function emitChanged(ctx: DomainContext): void {
  ctx.store.events.append({ type: 'tag-categories.changed' }, [audience.staff], ctx.clock());
}

const toCategory = ({ createdAt: _createdAt, ...category }: TagCategoryWithTags): TagCategory => category;

/** What the audit log keeps of a category: what an admin set. */
const auditFields = (c: Pick<TagCategory, 'name' | 'tags' | 'sortOrder'>) => ({ name: c.name, tags: c.tags, sortOrder: c.sortOrder });

export function listTagCategories(ctx: DomainContext): TagCategory[] {
  return ctx.store.tagCategories.list().map(toCategory);
}

function refuseTakenName(ctx: DomainContext, name: string, id: string | null): void {
  const same = ctx.store.tagCategories.byName(name);
  if (same && same.id !== id) refuse('CONFLICT', 'A tag category with this name exists', { name: 'taken' });
}

/** A tag already in another category would make a profile's tag ambiguous. */
function refuseTagsElsewhere(ctx: DomainContext, tags: readonly string[], id: string | null): void {
  const taken = ctx.store.tagCategories.tagsTakenElsewhere(tags, id);
  if (taken.size === 0) return;
  const [tag, category] = [...taken][0]!;
  refuse('CONFLICT', `The tag “${tag}” is already in the category “${category}”`, { tags: `“${tag}” is in “${category}”` });
}

export function createTagCategory(ctx: DomainContext, actor: Actor, body: NewTagCategoryBody): TagCategory {
  return ctx.store.transaction(() => {
    if (ctx.store.tagCategories.count() >= TAG_CATEGORY_LIMITS.categoriesMax) {
      refuse('CAPACITY_REACHED', `At most ${TAG_CATEGORY_LIMITS.categoriesMax} tag categories; delete some first`);
    }
    refuseTakenName(ctx, body.name, null);
    refuseTagsElsewhere(ctx, body.tags, null);
    const now = ctx.clock();
    const row = { id: uuidv7(now), name: body.name, sortOrder: body.sortOrder ?? ctx.store.tagCategories.nextSortOrder(), createdAt: now, updatedAt: now };
    ctx.store.tagCategories.insert(row);
    ctx.store.tagCategories.setTags(row.id, body.tags);
    const created = toCategory({ ...row, tags: body.tags });
    recordAudit(ctx, actor, 'tagCategory.create', { type: 'tagCategory', id: row.id }, null, auditFields(created));
    emitChanged(ctx);
    return created;
  });
}

export function updateTagCategory(ctx: DomainContext, actor: Actor, id: string, patch: UpdateTagCategoryBody): TagCategory {
  return ctx.store.transaction(() => {
    const before = ctx.store.tagCategories.byId(id) ?? refuse('NOT_FOUND', 'No such tag category');
    if (patch.name !== undefined) refuseTakenName(ctx, patch.name, id);
    if (patch.tags !== undefined) refuseTagsElsewhere(ctx, patch.tags, id);
    ctx.store.tagCategories.update(id, { name: patch.name, sortOrder: patch.sortOrder, updatedAt: ctx.clock() });
    if (patch.tags !== undefined) ctx.store.tagCategories.setTags(id, patch.tags);
    const after = ctx.store.tagCategories.byId(id)!;
    recordAudit(ctx, actor, 'tagCategory.update', { type: 'tagCategory', id }, auditFields(before), auditFields(after));
    emitChanged(ctx);
    return toCategory(after);
  });
}

/** Profiles keep the tags they have: they become free tags (the profile is the agent's record). */
export function deleteTagCategory(ctx: DomainContext, actor: Actor, id: string): { ok: true } {
  ctx.store.transaction(() => {
    const before = ctx.store.tagCategories.byId(id) ?? refuse('NOT_FOUND', 'No such tag category');
    ctx.store.tagCategories.remove(id);
    recordAudit(ctx, actor, 'tagCategory.delete', { type: 'tagCategory', id }, auditFields(before), null);
    emitChanged(ctx);
  });
  return { ok: true };
}
