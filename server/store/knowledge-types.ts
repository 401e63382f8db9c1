/** Repository of the knowledge base (issue 5); synchronous and SQL-free like ./types.ts. */
import type { RichDoc } from '../../shared/knowledge.js';

export interface KnowledgeCategoryRow {
  id: string;
  /** A skill group's own category; null: the company's (migration 022). */
  groupId: string | null;
  name: string;
  sortOrder: number;
  createdAt: number;
}

export interface KnowledgeEntryRow {
  id: string;
  /** A skill group's own entry; null: the company's. Never changes, tombstones keep it (migration 022). */
  groupId: string | null;
  categoryId: string | null;
  question: string;
  keywords: string[];
  answer: RichDoc;
  answerText: string;
  enabled: boolean;
  deleted: boolean;
  rev: number;
  createdAt: number;
  updatedAt: number;
}

/** Which entries or categories by their group: the company's (public) and/or these groups' (undefined: every group). */
export interface KnowledgeGroupFilter {
  public: boolean;
  groupIds?: readonly string[];
}

export interface KnowledgeEntryFilter extends KnowledgeGroupFilter {
  categoryId?: string;
  /** Substring of question, keywords or answer text. */
  text?: string;
  enabled?: boolean;
  limit: number;
  offset: number;
}

export interface KnowledgeRepository {
  /** Categories of the company and/or of groups, as the filter says. */
  categories(filter: KnowledgeGroupFilter): KnowledgeCategoryRow[];
  categoryById(id: string): KnowledgeCategoryRow | undefined;
  categoryByName(name: string): KnowledgeCategoryRow | undefined;
  insertCategory(row: KnowledgeCategoryRow): void;
  updateCategory(row: KnowledgeCategoryRow): void;
  /** Removes the category; tombstones (deleted entries) that still name it let go of it first. */
  deleteCategory(id: string): void;
  /** Live (not deleted) entries in a category. */
  countInCategory(id: string): number;
  /** Tombstones included. */
  entryById(id: string): KnowledgeEntryRow | undefined;
  /** The rev the next change gets; call inside the write's transaction. */
  nextRev(): number;
  /** Insert or replace by id. */
  putEntry(row: KnowledgeEntryRow): void;
  /** Live entries, newest change first. */
  list(filter: KnowledgeEntryFilter): KnowledgeEntryRow[];
  /** How many live entries the filter matches (its limit and offset aside). */
  count(filter: Omit<KnowledgeEntryFilter, 'limit' | 'offset'>): number;
  /** Every entry (tombstones too) with rev > after, in rev order. */
  changesAfter(after: number, limit: number): KnowledgeEntryRow[];
  /** The highest rev, 0 when empty. */
  head(): number;
}

/** The part of the Store the knowledge base adds. */
export interface KnowledgeRepositories {
  knowledge: KnowledgeRepository;
}
