/**
 * 名片分类 as managed tag categories: an admin names categories (客户等级, 意向 …) and the tags of
 * each (VIP/普通, 高/中/低); agents pick those for a visitor's profile, and may still type free
 * tags. A profile stores plain tag strings (shared/customers.ts), so a managed tag is just a string
 * that belongs to exactly one category: a tag name is unique across all categories.
 */
import { z } from 'zod';
import { nameField } from './domain.js';
import { LIMITS } from './limits.js';
import { CustomerTagSchema } from './customers.js';

export const TAG_CATEGORY_LIMITS = {
  /** Categories in all: a short list agents read at a glance. */
  categoriesMax: 50,
  /** Tags per category. */
  tagsMax: 50,
} as const;

export const TagCategorySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** In the order the admin gave them. */
  tags: z.array(z.string()),
  sortOrder: z.number().int(),
  updatedAt: z.number(),
});
export type TagCategory = z.infer<typeof TagCategorySchema>;

const tagList = z
  .array(CustomerTagSchema)
  .max(TAG_CATEGORY_LIMITS.tagsMax)
  .refine((tags) => new Set(tags).size === tags.length, 'each tag once');
const sortOrder = z.number().int().min(0).max(1_000_000);

export const NewTagCategoryBodySchema = z.strictObject({
  name: nameField(LIMITS.nameMax),
  tags: tagList.default([]),
  sortOrder: sortOrder.optional(),
});
export type NewTagCategoryBody = z.infer<typeof NewTagCategoryBodySchema>;

/** Rename, replace the tags (the whole list, in order), reorder; at least one of them. */
export const UpdateTagCategoryBodySchema = z
  .strictObject({ name: nameField(LIMITS.nameMax).optional(), tags: tagList.optional(), sortOrder: sortOrder.optional() })
  .refine((patch) => patch.name !== undefined || patch.tags !== undefined || patch.sortOrder !== undefined, 'change at least one of name, tags, sortOrder');
export type UpdateTagCategoryBody = z.infer<typeof UpdateTagCategoryBodySchema>;

export interface TagGroup {
  category: TagCategory;
  /** The category's tags the profile has. */
  chosen: string[];
}

/** A profile's tags split by category (in category order) and the free ones that belong to none. */
export function groupTags(tags: readonly string[], categories: readonly TagCategory[]): { groups: TagGroup[]; free: string[] } {
  const managed = new Set(categories.flatMap((c) => c.tags));
  const has = new Set(tags);
  const groups = [...categories]
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((category) => ({ category, chosen: category.tags.filter((tag) => has.has(tag)) }));
  return { groups, free: tags.filter((tag) => !managed.has(tag)) };
}
