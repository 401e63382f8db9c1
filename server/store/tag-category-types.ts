/** 名片分类's rows (migration 017 / PostgreSQL 010): managed tag categories and their tags. */
export interface TagCategoryRow {
  id: string;
  name: string;
  sortOrder: number;
  createdAt: number;
  updatedAt: number;
}

export interface TagCategoryWithTags extends TagCategoryRow {
  /** In the order the admin gave them. */
  tags: string[];
}

export interface TagCategoryRepository {
  /** Every category with its tags, by sortOrder then name. */
  list(): TagCategoryWithTags[];
  byId(id: string): TagCategoryWithTags | undefined;
  byName(name: string): TagCategoryRow | undefined;
  /** Which of these tags some category other than `exceptId` already has: tag → that category's name. */
  tagsTakenElsewhere(tags: readonly string[], exceptId: string | null): Map<string, string>;
  count(): number;
  nextSortOrder(): number;
  insert(row: TagCategoryRow): void;
  update(id: string, patch: Partial<Pick<TagCategoryRow, 'name' | 'sortOrder' | 'updatedAt'>>): void;
  /** Replaces the category's tags by this list, in order. */
  setTags(id: string, tags: readonly string[]): void;
  /** The category and its tags. */
  remove(id: string): void;
}

export interface TagCategoryRepositories {
  tagCategories: TagCategoryRepository;
}
