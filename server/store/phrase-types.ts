/**
 * Repository interfaces of canned phrases and auto-reply (issue 5). Like ./types.ts they are
 * synchronous and SQL-free, so another store can implement them.
 */
import type { AutoReply, CompanyAutoReply, Phrase, PhraseCategory } from '../../shared/phrases.js';
import type { FilePhrase } from '../../shared/file-phrases.js';

export type PhraseRow = Phrase;
export type PhraseCategoryRow = PhraseCategory;

/** Public rows plus the personal rows of one agent. */
export interface PhraseRepository {
  visibleTo(agentId: string): PhraseRow[];
  byId(id: string): PhraseRow | undefined;
  /** Phrases of one owner (null = public), to bound their number. */
  countFor(ownerId: string | null): number;
  insert(row: PhraseRow): void;
  update(id: string, patch: Partial<Omit<PhraseRow, 'id' | 'scope' | 'ownerId'>>): void;
  remove(id: string): void;
  nextSortOrder(ownerId: string | null): number;
}

export interface PhraseCategoryRepository {
  visibleTo(agentId: string): PhraseCategoryRow[];
  byId(id: string): PhraseCategoryRow | undefined;
  countFor(ownerId: string | null): number;
  insert(row: PhraseCategoryRow): void;
  update(id: string, patch: Partial<Pick<PhraseCategoryRow, 'name' | 'sortOrder' | 'updatedAt'>>): void;
  remove(id: string): void;
  nextSortOrder(ownerId: string | null): number;
}

export interface AutoReplyRepository {
  forAgent(agentId: string): AutoReply | undefined;
  /** null removes the agent's own texts (back to the company default). */
  putForAgent(agentId: string, value: AutoReply | null, now: number): void;
  company(): CompanyAutoReply;
  putCompany(value: CompanyAutoReply, now: number): void;
  /** Records an automatic message; false when it was recorded before (send nothing then). */
  markSent(conversationId: string, kind: 'greeting' | 'busy', agentId: string, now: number): boolean;
  /**
   * Active conversations assigned before `assignedBefore` whose agent has sent no message of their
   * own (automatic ones do not count) since the assignment: candidates for "not responding".
   */
  unanswered(assignedBefore: number): { conversationId: string; agentId: string }[];
}

/** A canned file (常用文件); its bytes are in the attachment store under the same id. */
export type FilePhraseRow = FilePhrase & { sha256: string };

export interface FilePhraseRepository {
  visibleTo(agentId: string): FilePhraseRow[];
  byId(id: string): FilePhraseRow | undefined;
  countFor(ownerId: string | null): number;
  insert(row: FilePhraseRow): void;
  update(id: string, patch: Partial<Pick<FilePhraseRow, 'name' | 'categoryId' | 'sortOrder' | 'updatedAt'>>): void;
  remove(id: string): void;
  nextSortOrder(ownerId: string | null): number;
}

export interface PhraseRepositories {
  phrases: PhraseRepository;
  filePhrases: FilePhraseRepository;
  phraseCategories: PhraseCategoryRepository;
  autoReplies: AutoReplyRepository;
}
